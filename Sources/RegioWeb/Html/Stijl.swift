/// The one stylesheet, served from /stijl.css (the content security policy allows no inline styles).
enum Stijl {
    static let css = """
    :root{--blauw:#1f4e79;--licht:#eef3f8;--rood:#b3261e;--roodlicht:#fbe9e7;--groen:#2e7d32;--groenlicht:#e8f5e9;
    --geel:#8a6d00;--geellicht:#fff8e1;--grijs:#5f6b76;--lijn:#d5dde5}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f23;background:#fafbfc}
    header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.2rem;background:var(--blauw);color:#fff;padding:.5rem 1rem}
    header a{color:#fff;text-decoration:none}
    .merk{font-weight:700;font-size:1.05rem}
    nav{display:flex;flex-wrap:wrap;gap:.2rem}
    nav a{padding:.3rem .6rem;border-radius:4px}
    nav a:hover,nav a.actief{background:rgba(255,255,255,.18)}
    form.uit{margin-left:auto;display:flex;gap:.5rem;align-items:center;font-size:.9rem}
    form.uit button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.6);border-radius:4px;padding:.2rem .6rem;cursor:pointer}
    main{max-width:1200px;margin:0 auto;padding:1rem 1.2rem 2rem}
    h1{font-size:1.6rem;margin:.6rem 0 .2rem;color:var(--blauw)}
    h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:2px solid var(--licht);padding-bottom:.2rem}
    h3{font-size:1.05rem;margin:0}
    .onder{color:var(--grijs);margin:0 0 .8rem}
    a{color:var(--blauw)}
    .tegels{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:.7rem;margin:.8rem 0}
    .tegel{background:#fff;border:1px solid var(--lijn);border-left:5px solid var(--blauw);border-radius:6px;padding:.6rem .8rem}
    .tegel .label{color:var(--grijs);font-size:.85rem}
    .tegel .waarde{font-size:1.35rem;font-weight:650}
    .tegel .toel{font-size:.8rem;color:var(--grijs)}
    .tegel.fout{border-left-color:var(--rood);background:var(--roodlicht)}
    .tegel.goed{border-left-color:var(--groen)}
    .tegel.waarschuwing{border-left-color:var(--geel);background:var(--geellicht)}
    section.tabel{margin:1rem 0 1.4rem}
    .tabelkop{display:flex;align-items:baseline;gap:1rem;margin-bottom:.3rem}
    a.csv{font-size:.8rem;border:1px solid var(--lijn);border-radius:4px;padding:0 .4rem;text-decoration:none;background:#fff}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;background:#fff;font-size:.88rem;min-width:50%}
    th,td{padding:.3rem .55rem;border-bottom:1px solid var(--lijn);text-align:left;white-space:nowrap}
    th{background:var(--licht);font-weight:600}
    .r{text-align:right;font-variant-numeric:tabular-nums}
    tfoot td{font-weight:650;border-top:2px solid #9aa7b3}
    tr.boven td{background:var(--roodlicht)}
    tr.boven td:first-child{border-left:4px solid var(--rood)}
    tr.voorlopig td{color:#5f6b75;font-style:italic;background:#f4f5f6}
    tr.voorlopig td:first-child{border-left:4px solid #b8c2cc}
    tr.onder td:first-child{border-left:4px solid var(--groen)}
    .scroll td:first-child,.scroll th:first-child{position:sticky;left:0;z-index:1;background:#fff}
    .scroll thead th:first-child{background:var(--licht)}
    .scroll tr.boven td:first-child{background:var(--roodlicht)}
    .scroll tr.voorlopig td:first-child{background:#f4f5f6}
    td.lang{white-space:normal;min-width:10rem;max-width:24rem}
    thead th{white-space:normal;vertical-align:bottom;min-width:4.5rem}
    tr:target td{outline:2px solid var(--blauw, #1f4e79);outline-offset:-2px}
    .toel{color:var(--grijs);font-size:.85rem;margin:.2rem 0}
    .bladeren{margin:.5rem 0;font-size:.9rem}
    .melding{padding:.6rem .8rem;border-radius:6px;border:1px solid var(--lijn);background:#fff}
    .melding.fout{background:var(--roodlicht);border-color:#e6b0aa}
    .melding.waarschuwing{background:var(--geellicht);border-color:#e8d48a}
    .melding.goed{background:var(--groenlicht);border-color:#a5d6a7}
    .samenvatting{background:#eef4f8;border-left:4px solid #1f5f8b;padding:.3rem 1rem .5rem;margin:1rem 0;max-width:75rem}
    .samenvatting h2{margin:.4rem 0}.samenvatting li{margin:.25rem 0}
    figure.grafiek{margin:1rem 0;background:#fff;border:1px solid var(--lijn);border-radius:6px;padding:.6rem}
    figure.grafiek svg{width:100%;height:auto;display:block}
    figcaption{color:var(--grijs);font-size:.85rem;margin-top:.3rem}
    form.keuze{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;background:#fff;border:1px solid var(--lijn);border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
    form.keuze label{display:flex;flex-direction:column;font-size:.8rem;color:var(--grijs)}
    input,select,button{font:inherit;padding:.3rem .5rem;border:1px solid #9aa7b3;border-radius:4px}
    button{background:var(--blauw);color:#fff;border-color:var(--blauw);cursor:pointer}
    button.klein{padding:.1rem .4rem;font-size:.8rem}
    .inlog{max-width:360px;margin:3rem auto;background:#fff;border:1px solid var(--lijn);border-radius:8px;padding:1.2rem 1.4rem}
    .inlog label{display:block;margin:.6rem 0 .2rem}
    .inlog input{width:100%}
    .inlog button{margin-top:1rem;width:100%}
    .kolommen{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
    code,pre{background:var(--licht);border-radius:4px;padding:.1rem .3rem}
    pre{padding:.6rem;overflow-x:auto}
    footer{color:var(--grijs);font-size:.8rem;text-align:center;padding:1rem}
    .label-rood{color:var(--rood);font-weight:600}
    @media print{header,form.keuze,a.csv,footer{display:none}body{background:#fff}main{max-width:none}}
    """
}
