// CBS municipal division on 1 January 2026 (CBS, Gemeentelijke indeling op 1 januari 2026): code|name|province.
enum Gemeentelijst {
    static let cbs2026 = """
        1680|Aa en Hunze|Drenthe
        0358|Aalsmeer|Noord-Holland
        0197|Aalten|Gelderland
        0059|Achtkarspelen|Fryslân
        0482|Alblasserdam|Zuid-Holland
        0613|Albrandswaard|Zuid-Holland
        0361|Alkmaar|Noord-Holland
        0141|Almelo|Overijssel
        0034|Almere|Flevoland
        0484|Alphen aan den Rijn|Zuid-Holland
        1723|Alphen-Chaam|Noord-Brabant
        1959|Altena|Noord-Brabant
        0060|Ameland|Fryslân
        0307|Amersfoort|Utrecht
        0362|Amstelveen|Noord-Holland
        0363|Amsterdam|Noord-Holland
        0200|Apeldoorn|Gelderland
        0202|Arnhem|Gelderland
        0106|Assen|Drenthe
        0743|Asten|Noord-Brabant
        0744|Baarle-Nassau|Noord-Brabant
        0308|Baarn|Utrecht
        0489|Barendrecht|Zuid-Holland
        0203|Barneveld|Gelderland
        0888|Beek (L.)|Limburg
        1954|Beekdaelen|Limburg
        0889|Beesel|Limburg
        1945|Berg en Dal|Gelderland
        1724|Bergeijk|Noord-Brabant
        0893|Bergen (L.)|Limburg
        0373|Bergen (NH.)|Noord-Holland
        0748|Bergen op Zoom|Noord-Brabant
        1859|Berkelland|Gelderland
        1721|Bernheze|Noord-Brabant
        0753|Best|Noord-Brabant
        0209|Beuningen|Gelderland
        0375|Beverwijk|Noord-Holland
        0310|De Bilt|Utrecht
        1728|Bladel|Noord-Brabant
        0376|Blaricum|Noord-Holland
        0377|Bloemendaal|Noord-Holland
        1901|Bodegraven-Reeuwijk|Zuid-Holland
        0755|Boekel|Noord-Brabant
        1681|Borger-Odoorn|Drenthe
        0147|Borne|Overijssel
        0654|Borsele|Zeeland
        0757|Boxtel|Noord-Brabant
        0758|Breda|Noord-Brabant
        1876|Bronckhorst|Gelderland
        0213|Brummen|Gelderland
        0899|Brunssum|Limburg
        0312|Bunnik|Utrecht
        0313|Bunschoten|Utrecht
        0214|Buren|Gelderland
        0502|Capelle aan den IJssel|Zuid-Holland
        0383|Castricum|Noord-Holland
        0109|Coevorden|Drenthe
        1706|Cranendonck|Noord-Brabant
        0216|Culemborg|Gelderland
        0148|Dalfsen|Overijssel
        1891|Dantumadiel|Fryslân
        0503|Delft|Zuid-Holland
        0762|Deurne|Noord-Brabant
        0150|Deventer|Overijssel
        0384|Diemen|Noord-Holland
        1980|Dijk en Waard|Noord-Holland
        1774|Dinkelland|Overijssel
        0221|Doesburg|Gelderland
        0222|Doetinchem|Gelderland
        0766|Dongen|Noord-Brabant
        0505|Dordrecht|Zuid-Holland
        0498|Drechterland|Noord-Holland
        1719|Drimmelen|Noord-Brabant
        0303|Dronten|Flevoland
        0225|Druten|Gelderland
        0226|Duiven|Gelderland
        1711|Echt-Susteren|Limburg
        0385|Edam-Volendam|Noord-Holland
        0228|Ede|Gelderland
        0317|Eemnes|Utrecht
        1979|Eemsdelta|Groningen
        0770|Eersel|Noord-Brabant
        1903|Eijsden-Margraten|Limburg
        0772|Eindhoven|Noord-Brabant
        0230|Elburg|Gelderland
        0114|Emmen|Drenthe
        0388|Enkhuizen|Noord-Holland
        0153|Enschede|Overijssel
        0232|Epe|Gelderland
        0233|Ermelo|Gelderland
        0777|Etten-Leur|Noord-Brabant
        1940|De Fryske Marren|Fryslân
        0779|Geertruidenberg|Noord-Brabant
        1771|Geldrop-Mierlo|Noord-Brabant
        1652|Gemert-Bakel|Noord-Brabant
        0907|Gennep|Limburg
        0784|Gilze en Rijen|Noord-Brabant
        1924|Goeree-Overflakkee|Zuid-Holland
        0664|Goes|Zeeland
        0785|Goirle|Noord-Brabant
        1942|Gooise Meren|Noord-Holland
        0512|Gorinchem|Zuid-Holland
        0513|Gouda|Zuid-Holland
        0518|'s-Gravenhage|Zuid-Holland
        0014|Groningen|Groningen
        1729|Gulpen-Wittem|Limburg
        0158|Haaksbergen|Overijssel
        0392|Haarlem|Noord-Holland
        0394|Haarlemmermeer|Noord-Holland
        1655|Halderberge|Noord-Brabant
        0160|Hardenberg|Overijssel
        0243|Harderwijk|Gelderland
        0523|Hardinxveld-Giessendam|Zuid-Holland
        0072|Harlingen|Fryslân
        0244|Hattem|Gelderland
        0396|Heemskerk|Noord-Holland
        0397|Heemstede|Noord-Holland
        0246|Heerde|Gelderland
        0074|Heerenveen|Fryslân
        0917|Heerlen|Limburg
        1658|Heeze-Leende|Noord-Brabant
        0399|Heiloo|Noord-Holland
        0400|Den Helder|Noord-Holland
        0163|Hellendoorn|Overijssel
        0794|Helmond|Noord-Brabant
        0531|Hendrik-Ido-Ambacht|Zuid-Holland
        0164|Hengelo (O.)|Overijssel
        0796|'s-Hertogenbosch|Noord-Brabant
        0252|Heumen|Gelderland
        0797|Heusden|Noord-Brabant
        0534|Hillegom|Zuid-Holland
        0798|Hilvarenbeek|Noord-Brabant
        0402|Hilversum|Noord-Holland
        1963|Hoeksche Waard|Zuid-Holland
        1735|Hof van Twente|Overijssel
        1966|Het Hogeland|Groningen
        1911|Hollands Kroon|Noord-Holland
        0118|Hoogeveen|Drenthe
        0405|Hoorn|Noord-Holland
        1507|Horst aan de Maas|Limburg
        0321|Houten|Utrecht
        0406|Huizen|Noord-Holland
        0677|Hulst|Zeeland
        0353|IJsselstein|Utrecht
        1884|Kaag en Braassem|Zuid-Holland
        0166|Kampen|Overijssel
        0678|Kapelle|Zeeland
        0537|Katwijk|Zuid-Holland
        0928|Kerkrade|Limburg
        1598|Koggenland|Noord-Holland
        0542|Krimpen aan den IJssel|Zuid-Holland
        1931|Krimpenerwaard|Zuid-Holland
        1659|Laarbeek|Noord-Brabant
        1982|Land van Cuijk|Noord-Brabant
        0882|Landgraaf|Limburg
        0415|Landsmeer|Noord-Holland
        1621|Lansingerland|Zuid-Holland
        0417|Laren (NH.)|Noord-Holland
        0080|Leeuwarden|Fryslân
        0546|Leiden|Zuid-Holland
        0547|Leiderdorp|Zuid-Holland
        1916|Leidschendam-Voorburg|Zuid-Holland
        0995|Lelystad|Flevoland
        1640|Leudal|Limburg
        0327|Leusden|Utrecht
        1705|Lingewaard|Gelderland
        0553|Lisse|Zuid-Holland
        0262|Lochem|Gelderland
        0809|Loon op Zand|Noord-Brabant
        0331|Lopik|Utrecht
        0168|Losser|Overijssel
        0263|Maasdriel|Gelderland
        1641|Maasgouw|Limburg
        1991|Maashorst|Noord-Brabant
        0556|Maassluis|Zuid-Holland
        0935|Maastricht|Limburg
        0420|Medemblik|Noord-Holland
        0938|Meerssen|Limburg
        1948|Meierijstad|Noord-Brabant
        0119|Meppel|Drenthe
        0687|Middelburg (Z.)|Zeeland
        1842|Midden-Delfland|Zuid-Holland
        1731|Midden-Drenthe|Drenthe
        1952|Midden-Groningen|Groningen
        1709|Moerdijk|Noord-Brabant
        1978|Molenlanden|Zuid-Holland
        1955|Montferland|Gelderland
        0335|Montfoort|Utrecht
        0944|Mook en Middelaar|Limburg
        1740|Neder-Betuwe|Gelderland
        0946|Nederweert|Limburg
        0356|Nieuwegein|Utrecht
        0569|Nieuwkoop|Zuid-Holland
        0267|Nijkerk|Gelderland
        0268|Nijmegen|Gelderland
        1930|Nissewaard|Zuid-Holland
        1970|Noardeast-Fryslân|Fryslân
        1695|Noord-Beveland|Zeeland
        1699|Noordenveld|Drenthe
        0171|Noordoostpolder|Flevoland
        0575|Noordwijk|Zuid-Holland
        0820|Nuenen, Gerwen en Nederwetten|Noord-Brabant
        0302|Nunspeet|Gelderland
        0579|Oegstgeest|Zuid-Holland
        0823|Oirschot|Noord-Brabant
        0824|Oisterwijk|Noord-Brabant
        1895|Oldambt|Groningen
        0269|Oldebroek|Gelderland
        0173|Oldenzaal|Overijssel
        1773|Olst-Wijhe|Overijssel
        0175|Ommen|Overijssel
        1586|Oost Gelre|Gelderland
        0826|Oosterhout|Noord-Brabant
        0085|Ooststellingwerf|Fryslân
        0431|Oostzaan|Noord-Holland
        0432|Opmeer|Noord-Holland
        0086|Opsterland|Fryslân
        0828|Oss|Noord-Brabant
        1509|Oude IJsselstreek|Gelderland
        0437|Ouder-Amstel|Noord-Holland
        0589|Oudewater|Utrecht
        1734|Overbetuwe|Gelderland
        0590|Papendrecht|Zuid-Holland
        1894|Peel en Maas|Limburg
        0765|Pekela|Groningen
        1926|Pijnacker-Nootdorp|Zuid-Holland
        0439|Purmerend|Noord-Holland
        0273|Putten|Gelderland
        0177|Raalte|Overijssel
        0703|Reimerswaal|Zeeland
        0274|Renkum|Gelderland
        0339|Renswoude|Utrecht
        1667|Reusel-De Mierden|Noord-Brabant
        0275|Rheden|Gelderland
        0340|Rhenen|Utrecht
        0597|Ridderkerk|Zuid-Holland
        1742|Rijssen-Holten|Overijssel
        0603|Rijswijk (ZH.)|Zuid-Holland
        1669|Roerdalen|Limburg
        0957|Roermond|Limburg
        0736|De Ronde Venen|Utrecht
        1674|Roosendaal|Noord-Brabant
        0599|Rotterdam|Zuid-Holland
        0277|Rozendaal|Gelderland
        0840|Rucphen|Noord-Brabant
        0441|Schagen|Noord-Holland
        0279|Scherpenzeel|Gelderland
        0606|Schiedam|Zuid-Holland
        0088|Schiermonnikoog|Fryslân
        1676|Schouwen-Duiveland|Zeeland
        0965|Simpelveld|Limburg
        0845|Sint-Michielsgestel|Noord-Brabant
        1883|Sittard-Geleen|Limburg
        0610|Sliedrecht|Zuid-Holland
        1714|Sluis|Zeeland
        0090|Smallingerland|Fryslân
        0342|Soest|Utrecht
        0847|Someren|Noord-Brabant
        0848|Son en Breugel|Noord-Brabant
        0037|Stadskanaal|Groningen
        0180|Staphorst|Overijssel
        0532|Stede Broec|Noord-Holland
        0851|Steenbergen|Noord-Brabant
        1708|Steenwijkerland|Overijssel
        0971|Stein (L.)|Limburg
        1904|Stichtse Vecht|Utrecht
        1900|Súdwest-Fryslân|Fryslân
        0715|Terneuzen|Zeeland
        0093|Terschelling|Fryslân
        0448|Texel|Noord-Holland
        1525|Teylingen|Zuid-Holland
        0716|Tholen|Zeeland
        0281|Tiel|Gelderland
        0855|Tilburg|Noord-Brabant
        0183|Tubbergen|Overijssel
        1700|Twenterand|Overijssel
        1730|Tynaarlo|Drenthe
        0737|Tytsjerksteradiel|Fryslân
        0450|Uitgeest|Noord-Holland
        0451|Uithoorn|Noord-Holland
        0184|Urk|Flevoland
        0344|Utrecht|Utrecht
        1581|Utrechtse Heuvelrug|Utrecht
        0981|Vaals|Limburg
        0994|Valkenburg aan de Geul|Limburg
        0858|Valkenswaard|Noord-Brabant
        0047|Veendam|Groningen
        0345|Veenendaal|Utrecht
        0717|Veere|Zeeland
        0861|Veldhoven|Noord-Brabant
        0453|Velsen|Noord-Holland
        0983|Venlo|Limburg
        0984|Venray|Limburg
        1961|Vijfheerenlanden|Utrecht
        0622|Vlaardingen|Zuid-Holland
        0096|Vlieland|Fryslân
        0718|Vlissingen|Zeeland
        0986|Voerendaal|Limburg
        1992|Voorne aan Zee|Zuid-Holland
        0626|Voorschoten|Zuid-Holland
        0285|Voorst|Gelderland
        0865|Vught|Noord-Brabant
        1949|Waadhoeke|Fryslân
        0866|Waalre|Noord-Brabant
        0867|Waalwijk|Noord-Brabant
        0627|Waddinxveen|Zuid-Holland
        0289|Wageningen|Gelderland
        0629|Wassenaar|Zuid-Holland
        0852|Waterland|Noord-Holland
        0988|Weert|Limburg
        1960|West Betuwe|Gelderland
        0668|West Maas en Waal|Gelderland
        1969|Westerkwartier|Groningen
        1701|Westerveld|Drenthe
        0293|Westervoort|Gelderland
        1950|Westerwolde|Groningen
        1783|Westland|Zuid-Holland
        0098|Weststellingwerf|Fryslân
        0189|Wierden|Overijssel
        0296|Wijchen|Gelderland
        1696|Wijdemeren|Noord-Holland
        0352|Wijk bij Duurstede|Utrecht
        0294|Winterswijk|Gelderland
        0873|Woensdrecht|Noord-Brabant
        0632|Woerden|Utrecht
        1690|De Wolden|Drenthe
        0880|Wormerland|Noord-Holland
        0351|Woudenberg|Utrecht
        0479|Zaanstad|Noord-Holland
        0297|Zaltbommel|Gelderland
        0473|Zandvoort|Noord-Holland
        0050|Zeewolde|Flevoland
        0355|Zeist|Utrecht
        0299|Zevenaar|Gelderland
        0637|Zoetermeer|Zuid-Holland
        0638|Zoeterwoude|Zuid-Holland
        1892|Zuidplas|Zuid-Holland
        0879|Zundert|Noord-Brabant
        0301|Zutphen|Gelderland
        1896|Zwartewaterland|Overijssel
        0642|Zwijndrecht|Zuid-Holland
        0193|Zwolle|Overijssel
        """
}
