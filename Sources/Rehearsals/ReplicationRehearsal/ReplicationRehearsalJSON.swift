import SQLSource
/// The replication rehearsal as JSON, with the single-database rehearsal's
/// conventions (fixed key order, two-space indentation, 1-based lines,
/// durations in milliseconds).
public enum ReplicationRehearsalJSON {
    typealias Value = JSON

    public static func render(_ report: ReplicationRehearsalReport, indent: String = "") -> String {
        value(report).rendered(indent: indent)
    }

    static func value(_ report: ReplicationRehearsalReport) -> Value {
        .object([
            ("path", .string(report.path)),
            ("apply_order", .string(report.order.rawValue)),
            ("exit_code", .int(Int(report.exitCode))),
            ("interrupted", report.interruptedBy.map { .string(signalName($0)) } ?? .null),
            ("setup_error", report.setupError.map(Value.string) ?? .null),
            ("refused", report.refusal.map(Value.string) ?? .null),
            ("publications", .array(report.publications.map(Value.string))),
            ("baselines", .array(report.baselines.map(RehearsalJSON.value))),
            ("setup_notes", .array(report.setupNotes.map(Value.string))),
            ("setup_ms", milliseconds(report.setupMilliseconds)),
            ("total_ms", milliseconds(report.totalMilliseconds)),
            ("phases", .array(report.phases.map(phase))),
            ("findings", .array(report.findings.map { finding in
                .object([("rule", .string(finding.ruleID)), ("line", .int(finding.line)),
                         ("message", .string(finding.message)), ("confirmed", .bool(finding.confirmed))])
            })),
            ("unpredicted", .array(report.unpredicted.map(problem))),
        ])
    }

    static func phase(_ phase: ReplicationRehearsalReport.Phase) -> Value {
        .object([
            ("phase", .int(phase.number)),
            ("side", .string(phase.side.rawValue)),
            ("applied", .array(phase.applied.map { statement in
                .object([("line", .int(statement.line)), ("statement", .string(statement.head)),
                         ("command", .string(statement.commandTag)), ("autocommit", .bool(statement.autocommit)),
                         ("duration_ms", milliseconds(statement.milliseconds))])
            })),
            ("traffic", .array(phase.traffic.map { sent in
                .object([("table", .string(sent.table)), ("operation", .string(sent.operation.rawValue)),
                         ("purpose", sent.purpose.map(Value.string) ?? .null), ("sql", .string(sent.sql)),
                         ("rows", .int(sent.rows)), ("error", sent.error.map(Value.string) ?? .null)])
            })),
            ("unfilled_tables", .array(phase.unfilledTables.map {
                .object([("table", .string($0.table)), ("reason", .string($0.reason))])
            })),
            ("catch_up", phase.catchUp.map(Value.string) ?? .null),
            ("comparisons", .array(phase.comparisons.map { table in
                .object([("table", .string(table.table)), ("equal", .bool(table.equal)),
                         ("publisher_rows", .int(table.publisherRows)), ("subscriber_rows", .int(table.subscriberRows)),
                         ("publisher_hash", .string(table.publisherHash)), ("subscriber_hash", .string(table.subscriberHash)),
                         ("columns", .array(table.columns.map(Value.string))),
                         ("first_differing_key", table.firstDifferingKey.map(Value.string) ?? .null),
                         ("note", table.note.map(Value.string) ?? .null)])
            })),
            ("notes", .array(phase.notes.map(Value.string))),
            ("problems", .array(phase.problems.map(problem))),
            ("apply_ms", milliseconds(phase.applyMilliseconds)),
            ("traffic_ms", milliseconds(phase.trafficMilliseconds)),
            ("catch_up_ms", milliseconds(phase.catchUpMilliseconds)),
        ])
    }

    static func problem(_ problem: ReplicationRehearsalReport.Problem) -> Value {
        .object([
            ("kind", .string(problem.kind.rawValue)),
            ("side", .string(problem.side.rawValue)),
            ("message", .string(problem.message)),
            ("detail", problem.detail.map(Value.string) ?? .null),
            ("log_line", problem.logLine.map(Value.string) ?? .null),
            ("table", problem.table.map(Value.string) ?? .null),
            ("lines", .array(problem.lines.map(Value.int))),
        ])
    }

    static func milliseconds(_ value: Double) -> Value {
        .number(String(Double(Int(value * 10)) / 10))
    }
}
