#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PGClient

/// The part of Clowder's app config (the JSON file `ACG_CONFIG` names) that
/// the runner reads. FoundationEssentials only: its JSONDecoder does not pull
/// full Foundation into replint's start-up.
struct ClowderConfig: Decodable {
    struct Database: Decodable {
        var hostname: String?
        var port: Int?
        var name: String?
        var username: String?
        var password: String?
        var sslMode: String?
        /// The CA certificate's PEM text, not a path.
        var rdsCa: String?
    }

    var database: Database?

    static func load(path: String) throws(RunSetupError) -> ClowderConfig {
        guard let text = FileSystem.contents(of: path) else {
            throw RunSetupError("\(DatabaseSettings.clowderVariable) names \(path), which cannot be read")
        }
        do {
            return try JSONDecoder().decode(ClowderConfig.self, from: Data(text.utf8))
        } catch {
            // The decoder's message may quote values, and the file holds a password.
            throw RunSetupError("\(DatabaseSettings.clowderVariable) names \(path), which is not a Clowder config (invalid JSON or wrong field types)")
        }
    }
}
