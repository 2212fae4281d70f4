import Testing
@testable import SQLSource

@Suite struct SplittingTests {
    func document(_ text: String) throws -> SQLDocument { try SQLDocument(text: text) }

    @Test func splitsOnTopLevelSemicolonsOnly() throws {
        let doc = try document("SELECT 'a;b'; SELECT \"x;y\" FROM t; -- c;\n/* ; */ SELECT $$;$$;\nSELECT $tag$ ; $tag$")
        #expect(doc.statements.map(\.text) == ["SELECT 'a;b'", "SELECT \"x;y\" FROM t", "SELECT $$;$$", "SELECT $tag$ ; $tag$"])
        #expect(doc.statements.allSatisfy { $0.failure == nil })
        #expect(doc.comments.map(\.body) == ["c;", ";"])
    }

    @Test func unbalancedParenthesesLoseNoStatement() throws {
        let closing = try document("SELECT 1); SELECT 2; SELECT 3;")
        #expect(closing.statements.count == 3)
        #expect(closing.statements.map { $0.failure == nil } == [false, true, true])
        let opening = try document("SELECT (1;\nSELECT 2;")
        #expect(opening.statements.count == 2)
        #expect(opening.statements[0].failure != nil)
        #expect(opening.statements[1].failure == nil)
    }

    @Test func keywordlessLineIsAStatementThatFails() throws {
        let doc = try document("asdf;\nSELECT 1;")
        #expect(doc.statements.count == 2)
        #expect(doc.statements[0].failure?.offset == 0)
        #expect(doc.logBlocks.isEmpty)
    }

    @Test func beginAtomicBodyStaysOneStatement() throws {
        let sql = """
        CREATE FUNCTION hbi.f() RETURNS int LANGUAGE sql
        BEGIN ATOMIC
          SELECT 1;
          SELECT CASE WHEN true THEN 2 END;
        END;
        COMMIT;
        """
        let doc = try document(sql)
        #expect(doc.statements.count == 2)
        #expect(doc.statements[0].node?.kindName == "CreateFunctionStmt")
        #expect(doc.statements[1].node?.transaction?.kind == .commit)
    }

    @Test func createRuleWithSeveralActionsStaysOneStatement() throws {
        let doc = try document("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));\nSELECT 1;")
        #expect(doc.statements.count == 2)
        #expect(doc.statements[0].failure == nil)
    }

    @Test func emptyStatementsAreNotStatementsAndNotErrors() throws {
        let doc = try document("BEGIN;\n;\n;;\nCOMMIT;")
        #expect(doc.statements.count == 2)
        #expect(doc.stretches.isEmpty)
    }

    @Test func unterminatedStringIsOneStretchAndEarlierStatementsSurvive() throws {
        let doc = try document("SELECT 1;\nSELECT 'oops;\nSELECT 2;\n")
        #expect(doc.statements.map(\.text) == ["SELECT 1"])
        #expect(doc.stretches.count == 1)
        #expect(doc.file.location(of: doc.stretches[0].range.lowerBound) == SourceLocation(line: 2, column: 1))
    }

    @Test func errorColumnCountsCharactersAfterNonASCIIText() throws {
        let doc = try document("-- größe ✓\nSELECT 'é', 'ü';\nALTER TABLE hosts ADD COLUMN ñame inx int;\nSELECT 3;")
        let bad = try #require(doc.statements.first { $0.failure != nil })
        let failure = try #require(bad.failure)
        #expect(doc.file.location(of: failure.offset) == SourceLocation(line: 3, column: 39))
        #expect(doc.statements.last?.failure == nil)
    }

    @Test func nonASCIIBeforeTheErrorOnTheSameLine() throws {
        let doc = try document("SELECT 'ééé' FROM t WHERE x = 1 1;")
        let failure = try #require(doc.statements[0].failure)
        #expect(doc.file.location(of: failure.offset) == SourceLocation(line: 1, column: 33))
    }

    @Test func crlfAndBOMKeepLocationsTrue() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("SELECT 1;\r\nSELECT x FROM;\r\n".utf8)
        let doc = SQLDocument(try SourceFile(path: "crlf.sql", bytes: bytes))
        #expect(doc.statements.count == 2)
        #expect(doc.statements[0].location == SourceLocation(line: 1, column: 1))
        let failure = try #require(doc.statements[1].failure)
        #expect(doc.file.location(of: failure.offset) == SourceLocation(line: 2, column: 14))
    }

    @Test func leadingCommentsBelongToTheNextStatement() throws {
        let doc = try document("SELECT 1; -- trailing\n-- replint-ignore x\nSELECT 2;")
        #expect(doc.statements[1].leadingComments.map(\.body) == ["trailing", "replint-ignore x"])
    }

    @Test func everyNonBlankByteIsAccountedFor() throws {
        let doc = try document("SELECT 1;\n\n  -- c\n SELECT 2 ; ; \n")
        #expect(doc.stretches.isEmpty)
        #expect(doc.statements.count == 2)
    }

    @Test func metaCommandsAndCopyDataAreSetAside() throws {
        let sql = "\\restrict abc\nSET x = 1;\nCOPY t (a, b) FROM stdin;\n1\tfoo; bar\n\\.\nSELECT 1;\n\\unrestrict abc\n"
        let doc = try document(sql)
        #expect(doc.metaCommands.map(\.name) == ["\\restrict", "\\unrestrict"])
        #expect(doc.copyData.count == 1)
        #expect(doc.statements.map(\.head) == ["SET x = 1", "COPY t (a, b) FROM stdin", "SELECT 1"])
        #expect(doc.statements.allSatisfy { $0.failure == nil })
    }

    @Test func genericTraversalReachesNestedNodes() throws {
        let doc = try document("ALTER TABLE hbi.hosts ADD COLUMN c timestamptz DEFAULT now()")
        let kinds = try #require(doc.statements.first?.node).descendants().map(\.kindName)
        #expect(kinds.contains("ColumnDef"))
        #expect(kinds.contains("FuncCall"))
    }
}

@Suite struct TraversalTests {
    @Test(arguments: ["CHECKPOINT", "ALTER SUBSCRIPTION s REFRESH PUBLICATION", "DISCARD ALL", "LISTEN x", "SELECT 1"])
    func everyStatementKindCanBeWalked(sql: String) throws {
        // Views point into the document's parse trees: keep the document alive.
        let document = try SQLDocument(text: sql)
        let node = try #require(document.statements.first?.node)
        #expect(node.descendants().allSatisfy { !$0.kindName.isEmpty })
        withExtendedLifetime(document) {}
    }
}
