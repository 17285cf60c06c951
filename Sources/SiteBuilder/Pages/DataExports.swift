import CableKit
import ChanceryIO

/// `/data/cables.json` and `/data/cables.csv`: the metadata of every cable, for researchers, in date order,
/// streamed straight to disk so the two files never sit in memory whole.
final class DataExports {
    private let json: StreamFile
    private let csv: StreamFile
    private var first = true
    let urls: SiteURLs

    static let csvColumns = ["id", "date", "date_estimated", "title", "origin", "classification", "caveats", "precedence",
                             "to", "info", "tags", "references", "classified_by", "reasons", "declassify_on", "signed_by",
                             "partial", "url"]

    init(publicDirectory: String, urls: SiteURLs) throws(DiskIO.Failure) {
        json = try StreamFile(path: publicDirectory + "/data/cables.json")
        csv = try StreamFile(path: publicDirectory + "/data/cables.csv")
        self.urls = urls
        json.append("[\n")
        csv.append(Self.csvColumns.joined(separator: ",") + "\r\n")
    }

    func add(_ cable: Cable) {
        guard let id = cable.id else { return }
        let url = urls.absolute(urls.cable(id: id, date: cable.date))
        let object = CableJSON.object(cable, indent: " ", extra: [("url", CableJSON.string(url))])
        json.append((first ? " " : ",\n ") + object)
        first = false
        let fields: [String] = [
            id, cable.date.map { cable.dateEstimated ? String($0.year) : $0.iso8601 } ?? "", cable.dateEstimated ? "true" : "false",
            cable.title ?? "", cable.origin ?? "", cable.classification?.rawValue ?? "", cable.caveats.joined(separator: ";"),
            cable.precedence ?? "", cable.to.joined(separator: ";"), cable.info.joined(separator: ";"), cable.tags.joined(separator: ";"),
            cable.references.joined(separator: ";"), cable.classifiedBy ?? "", cable.reasons.joined(separator: ";"),
            cable.declassifyOn ?? "", cable.signedBy ?? "", cable.partial ? "true" : "false", url,
        ]
        csv.append(fields.map(Self.csvField).joined(separator: ",") + "\r\n")
    }

    /// Finishes both files; for each, whether it was rewritten and the fingerprint of its content.
    func commit() throws(DiskIO.Failure) -> (json: (written: Bool, hash: UInt64), csv: (written: Bool, hash: UInt64)) {
        json.append("\n]\n")
        let jsonWritten = try json.commit()
        let csvWritten = try csv.commit()
        return ((jsonWritten, json.fingerprint), (csvWritten, csv.fingerprint))
    }

    /// RFC 4180: quote fields with comma, quote or line break; double the quotes. A leading `=`, `+`, `-`
    /// or `@` gets a `'` so spreadsheets do not run it as a formula.
    static func csvField(_ s: String) -> String {
        var value = s
        if let f = value.first, "=+-@".contains(f) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
        }
        return value
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }

}
