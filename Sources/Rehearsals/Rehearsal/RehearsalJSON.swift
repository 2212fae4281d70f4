import SQLSource
/// The rehearsal report as JSON, with replint's conventions: keys in a fixed
/// order, two-space indentation, 1-based lines.
public enum RehearsalJSON {
    /// One report; `indent` lets a caller nest it in a larger document.
    public static func render(_ report: RehearsalReport, indent: String = "") -> String {
        value(report).rendered(indent: indent)
    }

    static func value(_ report: RehearsalReport) -> JSON {
        .object([
            ("path", .string(report.path)),
            ("target", .string(report.target.rawValue)),
            ("server_version", report.serverVersion.map(JSON.string) ?? .null),
            ("exit_code", .int(Int(report.exitCode))),
            ("interrupted", report.interruptedBy.map { .string(signalName($0)) } ?? .null),
            ("interrupted_line", report.interruptedLine.map(JSON.int) ?? .null),
            ("setup_error", report.setupError.map(JSON.string) ?? .null),
            ("setup_notes", .array(report.setupNotes.map(JSON.string))),
            ("baseline", report.baseline.map(value) ?? .null),
            ("statements", .array(report.statements.map(value))),
            ("failure", report.failure.map(value) ?? .null),
            ("not_rehearsable", .array(report.notRehearsable.map { .int($0.line) })),
            ("rollback", report.rollback.map(value) ?? .null),
            ("blocking_locks", .array(report.blockingLocks.map(value))),
            ("notes", .array(report.notes.map(JSON.string))),
        ])
    }

    static func value(_ baseline: RehearsalBaseline) -> JSON {
        .object([
            ("files", .array(baseline.files.map(JSON.string))),
            ("side", baseline.side.map { .string($0.rawValue) } ?? .null),
            ("reason", .string(baseline.reason)),
        ])
    }

    static func value(_ lock: RehearsalReport.BlockingLock) -> JSON {
        .object([
            ("line", .int(lock.line)), ("relation", .string(lock.relation)), ("mode", .string(lock.mode)),
            ("blocks", .string(lock.blocks.rawValue)),
            ("held_ms", lock.heldMilliseconds.map { .number(milliseconds($0)) } ?? .null),
            ("held_through_line", lock.heldThroughLine.map(JSON.int) ?? .null),
            ("replicated", .bool(lock.replicated)),
        ])
    }

    static func value(_ record: RehearsalReport.StatementRecord) -> JSON {
        .object([
            ("line", .int(record.line)), ("column", .int(record.column)), ("head", .string(record.head)),
            ("execution", .string(record.execution.rawValue)), ("failed", .bool(record.failed)),
            ("duration_ms", record.durationMilliseconds.map { .number(milliseconds($0)) } ?? .null),
            ("command_tag", record.commandTag.map(JSON.string) ?? .null),
            ("rows", record.rows.map(JSON.int) ?? .null),
            ("locks_traced", .bool(record.locksTraced)),
            ("locks", .array(record.locks.map { lock in
                .object([
                    ("relation", .string(lock.lock.relation)), ("kind", .string(lock.lock.kind.rawValue)),
                    ("mode", .string(lock.lock.modeName)), ("granted", .bool(lock.lock.granted)),
                    ("existed_before", .bool(lock.existedBefore)), ("replicated", .bool(lock.replicated)),
                    ("flagged", .bool(lock.flagged)), ("blocks", lock.blocks.map { .string($0.rawValue) } ?? .null),
                    ("held_ms", lock.heldMilliseconds.map { .number(milliseconds($0)) } ?? .null),
                    ("held_through_line", lock.heldThroughLine.map(JSON.int) ?? .null),
                ])
            })),
            ("rewrote", .array(record.rewrote.map(JSON.string))),
            ("notes", .array(record.notes.map(JSON.string))),
            ("notices", .array(record.notices.map(JSON.string))),
        ])
    }

    static func value(_ failure: RehearsalReport.Failure) -> JSON {
        .object([
            ("line", .int(failure.line)), ("column", .int(failure.column)), ("head", .string(failure.head)),
            ("sqlstate", failure.sqlstate.map(JSON.string) ?? .null), ("message", .string(failure.message)),
            ("detail", failure.detail.map(JSON.string) ?? .null), ("hint", failure.hint.map(JSON.string) ?? .null),
            ("error_line", failure.errorLine.map(JSON.int) ?? .null),
        ])
    }

    static func value(_ check: RehearsalReport.RollbackCheck) -> JSON {
        .object([
            ("scope", .string(check.scope)), ("unchanged", .bool(check.unchanged)),
            ("fingerprint_before", .string(check.before.digest)), ("fingerprint_after", .string(check.after.digest)),
            ("differences", .array(check.before.differences(to: check.after).map(JSON.string))),
        ])
    }

    /// Three decimals, without Foundation's formatters.
    static func milliseconds(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    static func quote(_ text: String) -> String { JSON.quote(text) }
}
