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

    /// Uploads (CSV and iJw XML files) may be large.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}
