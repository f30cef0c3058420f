import RegioOpdrachten

// The program: the commands live in the library RegioOpdrachten, so tests run them inside the test process.
await Regiomonitor.programma()
