import Foundation

/// Where a command writes and which command line it was given: the terminal and the process's arguments, or (for
/// `Opdrachtregel.draai`) two buffers and the given arguments. Task-local, so commands that run side by side in one
/// process (tests do) each write to their own buffers.
struct Scherm: Sendable {
    let uit: @Sendable (String) -> Void
    let fout: @Sendable (String) -> Void
    /// The command line, the program's name first.
    let argumenten: [String]
    /// The real terminal: progress lines and Ctrl-C handling only there.
    let isProces: Bool

    static let proces = Scherm(uit: { FileHandle.standardOutput.write(Data($0.utf8)) }, fout: { FileHandle.standardError.write(Data($0.utf8)) }, argumenten: CommandLine.arguments, isProces: true)

    @TaskLocal static var huidig: Scherm = .proces
}

/// A command's `print` writes to the current `Scherm`: standard output, or the buffer of `Opdrachtregel.draai`.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Scherm.huidig.uit(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

/// A line on standard error (or the error buffer).
func stderr(_ s: String) { Scherm.huidig.fout(s + "\n") }

/// Text on standard error as it is (progress lines rewrite themselves with "\r").
func stderrKaal(_ s: String) { Scherm.huidig.fout(s) }

/// The command line run inside this process, as the program would run it, with its output captured.
public enum Opdrachtregel {
    /// Runs `regiomonitor ARGUMENTEN`: (exit status, standard output, standard error).
    public static func draai(_ argumenten: [String]) async -> (code: Int32, uit: String, fout: String) {
        final class Buffer: @unchecked Sendable {
            let slot = NSLock()
            var tekst = ""
            func voegToe(_ s: String) { slot.lock(); tekst += s; slot.unlock() }
        }
        let uit = Buffer(), fout = Buffer()
        let scherm = Scherm(uit: uit.voegToe, fout: fout.voegToe, argumenten: ["regiomonitor"] + argumenten, isProces: false)
        let code = await Scherm.$huidig.withValue(scherm) { await Regiomonitor.uitvoeren(argumenten) }
        return (code, uit.tekst, fout.tekst)
    }
}
