import RegioOpdrachten

// The program: the commands live in RegioOpdrachten, so tests run them in their own process.
await Regiomonitor.programma()
