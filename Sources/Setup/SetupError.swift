/// What `replint init` could not do: exit 2 with this message, which never holds a password.
public struct SetupError: Error, Sendable, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
