import Synchronization

/// The plain listener's security as it stands now: swapped whole when the
/// web configuration or its certificate files change, so a rotated
/// certificate or a new password applies to the next connection or request
/// without a restart (as exporter-toolkit rereads its file).
public final class WebSecurity: Sendable {
    /// One consistent snapshot: a request sees either the old or the new
    /// users and headers, never a mix.
    public struct State: Sendable {
        public let config: WebConfig
        public let authenticator: BasicAuthenticator
        public let tls: ServingTLS?
    }

    private let state: Mutex<State>
    /// Whether the listener was started with TLS; fixed for its lifetime.
    public let servesTLS: Bool

    public init(_ config: WebConfig) throws(WebConfigError) {
        let state = try Self.makeState(config)
        self.state = Mutex(state)
        self.servesTLS = state.tls != nil
    }

    public var current: State { state.withLock { $0 } }

    /// Applies a changed configuration. Refuses (keeping the current one) a
    /// configuration that turns TLS on or off: that needs a new listener.
    public func apply(_ config: WebConfig) throws(WebConfigError) {
        guard (config.tls != nil) == servesTLS else {
            throw WebConfigError.invalidTLS(servesTLS
                ? "tls_server_config was removed: turning TLS off needs a restart"
                : "tls_server_config was added: turning TLS on needs a restart")
        }
        let previous = current
        // Unchanged users keep their authenticator, and with it the cached
        // outcomes: reloading a rotated certificate must not cost a bcrypt run
        // per client.
        let next = try Self.makeState(config, reusing: previous.config.users == config.users ? previous.authenticator : nil)
        state.withLock { $0 = next }
    }

    private static func makeState(_ config: WebConfig, reusing authenticator: BasicAuthenticator? = nil) throws(WebConfigError) -> State {
        let tls = try config.tls.map { settings throws(WebConfigError) in try ServingTLS(settings) }
        return State(config: config, authenticator: authenticator ?? BasicAuthenticator(users: config.users), tls: tls)
    }
}
