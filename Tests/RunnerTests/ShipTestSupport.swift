import Foundation
import Lint
import Rules
@testable import Runner
import PGClient
import PGServers
import PGTestSupport
import SQLSource
import Synchronization

/// `replint ship` in-process against a ReplicationPair: the file written to
/// a scratch directory, both URLs pointing at the pair, the runner's log and
/// the report captured.
struct ShipRun {
    let report: ShipReport
    let log: RunnerFixture.LogCapture
    let output: String

    var text: String { log.text }
    func phase(_ name: ShipReport.Phase.Name) -> ShipReport.Phase { report[name] }
}

struct ShipOptions {
    var force = false
    var dryRun = false
    var settle: Duration = .milliseconds(300)
    var catchUpTimeout: Duration = .seconds(20)
    var subscription: String?
    var readLog = true
    var part: Int?
    var format: ShipReport.Format = .text
}

func ship(_ pair: ReplicationPair, _ sql: String, name: String = "m.sql", _ options: ShipOptions = .init()) throws -> ShipRun {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    try directory.write(name, sql)
    let flags = ShipRequest.Flags(file: "\(directory.path)/\(name)",
                                  subscriberURL: pair.subscriber.conninfo(database: pair.options.database),
                                  publisherURL: pair.publisher.conninfo(database: pair.options.database),
                                  subscription: options.subscription,
                                  subscriberLog: options.readLog ? pair.subscriber.logFile : nil, part: options.part,
                                  force: options.force, dryRun: options.dryRun, settle: options.settle,
                                  catchUpTimeout: options.catchUpTimeout, format: options.format)
    let request = try ShipRequest.resolve(flags, environment: [:])
    let capture = RunnerFixture.LogCapture()
    let log = RunLog(format: .text, minimumLevel: .debug) { capture.append($0) }
    let linter = Linter(rules: RuleRegistry.all)
    let output = OutputCapture()
    let report = Shipment(request: request, linter: linter, planner: { shipVerdict($0, linter: linter) },
                          log: log, output: { output.append($0) }).run()
    return ShipRun(report: report, log: capture, output: output.text)
}

/// The CLI's planner, rebuilt here (the CLI target cannot be imported).
func shipVerdict(_ document: SQLDocument, linter: Linter) -> ShipPlanVerdict {
    let plan = MigrationPlanner.plan(document, linter: linter)
    let kind: ShipPlanVerdict.Kind = switch plan.verdict {
    case .fits: .fits
    case .needsOrder: .needsOrder
    case .split: .split
    case .unsafe: .unsafe
    }
    return ShipPlanVerdict(kind: kind, declared: plan.declared, text: plan.verdictText,
                           parts: plan.parts.map { .init(order: $0.order, statements: $0.statements) })
}

/// What a Shipment writes as its report (from the signal thread, too).
final class OutputCapture: Sendable {
    private let storage = Mutex("")

    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}

/// The columns of `hbi.hosts` on one side, in order.
func hostColumns(_ pair: ReplicationPair, _ side: ReplicationPair.Side) throws -> [String] {
    try pair.rows(on: side, sql: """
        SELECT attname FROM pg_attribute WHERE attrelid = 'hbi.hosts'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
        """).map { $0[0] ?? "" }
}

/// Inserts a row into `hbi.hosts` on the publisher every 50 ms, on its own
/// connection and thread, until `stop()`: the application's traffic.
final class PublisherTraffic: @unchecked Sendable {
    private let connection: Connection
    private let lock = NSLock()
    private var running = true
    private let finished = DispatchSemaphore(value: 0)
    private(set) var rows = 0

    init(_ pair: ReplicationPair, firstID: Int = 1000) throws {
        connection = try pair.publisher.connect(database: pair.options.database)
        Thread.detachNewThread { [self] in
            var id = firstID
            while lock.withLock({ running }) {
                if (try? connection.execute("INSERT INTO hbi.hosts VALUES (\(id), 'host \(id)', '{\"fqdn\": \"h\(id)\"}')")) != nil {
                    lock.withLock { rows += 1 }
                }
                id += 1
                usleep(50_000)
            }
            finished.signal()
        }
    }

    func stop() {
        lock.withLock { running = false }
        finished.wait()
        connection.close()
    }
}
