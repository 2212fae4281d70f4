/// Page sections the lock rules share.
enum LockingNotes {
    static let explicitLocking = "https://www.postgresql.org/docs/current/explicit-locking.html"
    static let alterTable = "https://www.postgresql.org/docs/current/sql-altertable.html"
    static let createIndex = "https://www.postgresql.org/docs/current/sql-createindex.html"

    /// "Lock" and "Documentation" sections.
    static func make(lock: String, docs: String...) -> [(title: String, body: String)] {
        [("Lock", lock), ("Documentation", (docs + [explicitLocking]).map { "- <\($0)>" }.joined(separator: "\n"))]
    }

    static let createdInFile = """
    Not reported on a table the file created earlier (CREATE TABLE, CREATE TABLE AS, SELECT INTO): \
    it has no rows and no readers. With a baseline only the tables the baseline has count as existing; \
    without one every table the file did not create does.
    """
}
