import PGClient
import SQLSource

/// Sends the statements of one document to a server as psql would: a
/// `COPY ... FROM stdin` together with the data block that follows it in the
/// file. Shared by the loader and the rehearsal.
struct DocumentSender {
    let document: SQLDocument
    /// Statement index -> the byte range of its COPY data.
    private let copyBlocks: [Int: Range<Int>]

    init(_ document: SQLDocument) {
        self.document = document
        var blocks: [Int: Range<Int>] = [:]
        var statementIndex = 0
        let statements = document.statements
        for block in document.copyData {
            // The COPY statement is the last one that ends before its data.
            while statementIndex + 1 < statements.count,
                  statements[statementIndex + 1].fullRange.upperBound <= block.lowerBound {
                statementIndex += 1
            }
            if statementIndex < statements.count, statements[statementIndex].fullRange.upperBound <= block.lowerBound {
                blocks[statements[statementIndex].index] = block
            }
        }
        copyBlocks = blocks
    }

    func isCopyFromStdin(_ statement: Statement) -> Bool { copyBlocks[statement.index] != nil }

    func send(_ statement: Statement, on connection: Connection) throws -> QueryResult {
        guard let block = copyBlocks[statement.index] else { return try connection.execute(statement.text) }
        let data: CopyTextData
        do {
            data = try CopyTextData(statement: statement.text, data: document.file.bytes[block])
        } catch {
            throw PostgresError.unsupported(error.description)
        }
        for insert in data.insertStatements { try connection.execute(insert) }
        return QueryResult(commandTag: "COPY \(data.rows.count)", rowsAffected: data.rows.count, columns: [], rows: [])
    }
}
