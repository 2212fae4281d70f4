import FuzzSupport
import SQLSource

/// libFuzzer's entry: the input is a migration file. It is written to disk and
/// read as the linter reads it (regular-file check, size limit, encoding),
/// then log output is found, the file split and every statement parsed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? SourceFile.read(path: FuzzScratch.shared.write("input.sql", bytes)) else { return 0 }
    let document = SQLDocument(file)
    var total = 0
    for statement in document.statements {
        // What every report asks of a statement: its head, its position, its failure's place.
        total &+= statement.head.utf8.count &+ statement.location.line
        if let failure = statement.failure { total &+= file.location(of: min(failure.offset, file.bytes.count)).column }
    }
    for block in document.logBlocks { total &+= block.range.count }
    for stretch in document.stretches { total &+= file.location(of: stretch.range.lowerBound).line }
    keep(total)
    return 0
}
