import Testing
@testable import PGClient
import PGServers
import PGTestSupport

struct PasswordRedactionTests {
    @Test func findsThePasswordInEveryConninfoShape() {
        #expect(PasswordRedaction.passwords(in: "postgresql://app:pw1@host/db").contains("pw1"))
        #expect(PasswordRedaction.passwords(in: "postgresql://app:p%40ss@host/db").isSuperset(of: ["p%40ss", "p@ss"]))
        #expect(PasswordRedaction.passwords(in: "postgresql://app:raw@pw@host/db").contains("raw@pw"))
        #expect(PasswordRedaction.passwords(in: "postgresql://host/db?user=app&password=pw2").contains("pw2"))
        #expect(PasswordRedaction.passwords(in: "host=h password=pw3 user=app").contains("pw3"))
        #expect(PasswordRedaction.passwords(in: "host=h password = 'p w\\'4'").contains("p w'4"))
        #expect(PasswordRedaction.passwords(in: "host=h user=app").isEmpty)
        #expect(PasswordRedaction.passwords(in: "postgresql://app@host/db").isEmpty)
    }

    @Test func replacesEveryOccurrence() {
        let redacted = PasswordRedaction.redact(
            #"invalid percent-encoded token: "s3cret%zz" in "postgres://u:s3cret%zz@h""#,
            conninfo: "postgres://u:s3cret%zz@h")
        #expect(redacted == #"invalid percent-encoded token: "***" in "postgres://u:***@h""#)
    }
}
