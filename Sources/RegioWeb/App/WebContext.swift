import Hummingbird
import NIOCore
import RegioCore
import RegioStore

/// The request context: Hummingbird's core storage plus who is asking (set by `Toegangscontrole`) and from where.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, for login throttling; nil in router tests.
    public let adres: String?
    public var gebruiker: Gebruiker?
    public var sessie: Sessie?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        adres = source.channel.remoteAddress?.ipAddress
    }

    /// What Hummingbird reads of a body at most: a form. The import upload streams under its own limit (`Uploadlezer`).
    public var maxUploadSize: Int { WebContext.maxFormulier }

    /// The largest form body (login, logout, a signal's note): 64 kB, so a large body costs no memory (issue 26).
    static let maxFormulier = 64 * 1024
}
