import CableKit
import ChanceryIO

/// `/data/cables.json` and `/data/cables.csv`: the metadata of every cable, for researchers, in date order,
/// streamed straight to disk so the two files never sit in memory whole.
final class DataExports {
    private let json: StreamFile
    private let csv: StreamFile
    private var first = true
    let urls: SiteURLs

    /// `reference_line` came after `url`: a new column goes last, so that a script reading the columns by
    /// position keeps working.
    static let csvColumns = ["id", "date", "date_estimated", "title", "origin", "classification", "caveats", "precedence",
                             "to", "info", "tags", "references", "classified_by", "reasons", "declassify_on", "signed_by",
                             "partial", "url", "reference_line"]

    /// For each file, whether its bytes were written (not found unchanged) and their hash.
    typealias Written = (json: (written: Bool, hash: UInt64), csv: (written: Bool, hash: UInt64))

    /// Writes both files for `records` under `publicDirectory`: entries encoded on every core a slice at a
    /// time and appended in order. Returns what `commit` returns.
    static func write(_ records: [CableRecord], urls: SiteURLs, publicDirectory: String) throws(DiskIO.Failure) -> Written {
        let exports = try DataExports(publicDirectory: publicDirectory, urls: urls)
        for start in stride(from: 0, to: records.count, by: 2048) {
            let entries = parallelMap(Array(start..<min(records.count, start + 2048))) { DataExports.entry(records[$0].meta, urls: urls) }
            for case let entry? in entries { exports.add(entry) }
        }
        return try exports.commit()
    }

    private init(publicDirectory: String, urls: SiteURLs) throws(DiskIO.Failure) {
        // not written behind: starting the writeback of each piece as it is appended, the thread appending waited
        // for the block layer's writeback throttling whenever the disk was busy with the pages (at 50,000
        // cables, 0.05–0.3 s at a time, and the build waited for the exports); the kernel writes them back later
        json = try StreamFile(path: publicDirectory + "/data/cables.json")
        csv = try StreamFile(path: publicDirectory + "/data/cables.csv")
        self.urls = urls
        json.append("[\n")
        csv.append(Self.csvColumns.joined(separator: ",") + "\r\n")
    }

    /// One cable's JSON object and CSV line, as `add` appends them; nil for a cable without an id. A pure
    /// function of the cable, so that many are encoded at once on all cores.
    struct Entry: Sendable {
        var json: [UInt8]
        var csv: [UInt8]
    }

    static func entry(_ cable: Cable, urls: SiteURLs) -> Entry? {
        guard let id = cable.id else { return nil }
        let url = urls.absolute(urls.cable(id: id, date: cable.date, estimated: cable.dateEstimated))
        var jsonURL: [UInt8] = []
        CableJSON.appendString(url, to: &jsonURL)
        let json = CableJSON.objectBytes(cable, indent: " ", extra: [("url", jsonURL)])
        // the fields written straight into the line (`csvColumns`' order), lists joined by ';'
        var csv: [UInt8] = []
        csv.reserveCapacity(512)
        var first = true
        func field(_ value: String) {
            if !first { csv.append(UInt8(ascii: ",")) }
            first = false
            appendCSVField(value, to: &csv)
        }
        func field(_ items: [String]) { field(items.concatenated(separator: ";")) }
        // the date as the front matter and the JSON have it (an estimate too: `date_estimated` says so), one format
        field(id); field(cable.date.map(\.written) ?? ""); field(cable.dateEstimated ? "true" : "false")
        field(cable.title ?? ""); field(cable.origin ?? ""); field(cable.classification?.rawValue ?? ""); field(cable.caveats)
        field(cable.precedence ?? ""); field(cable.to); field(cable.info); field(cable.tags)
        field(cable.references); field(cable.classifiedBy ?? ""); field(cable.reasons)
        field(cable.declassifyOn ?? ""); field(cable.signedBy ?? ""); field(cable.partial ? "true" : "false"); field(url)
        field(cable.referenceLine ?? "")
        csv.append(UInt8(ascii: "\r")); csv.append(UInt8(ascii: "\n"))
        return Entry(json: json, csv: csv)
    }

    /// Appends the next cable, in date order.
    func add(_ entry: Entry) {
        json.append(first ? Self.firstSeparator : Self.separator)
        json.append(entry.json)
        first = false
        csv.append(entry.csv)
    }

    private static let firstSeparator = Array(" ".utf8)
    private static let separator = Array(",\n ".utf8)

    /// Finishes both files; for each, whether it was rewritten and the fingerprint of its content.
    func commit() throws(DiskIO.Failure) -> Written {
        json.append("\n]\n")
        let jsonWritten = try json.commit()
        let csvWritten = try csv.commit()
        return ((jsonWritten, json.fingerprint), (csvWritten, csv.fingerprint))
    }

    /// RFC 4180: quote fields with comma, quote or line break; double the quotes. A leading `=`, `+`, `-`
    /// or `@` gets a `'` so spreadsheets do not run it as a formula.
    static func csvField(_ s: String) -> String {
        var out: [UInt8] = []
        appendCSVField(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `csvField(s)`, appended to `out` as UTF-8.
    static func appendCSVField(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            // on bytes: a CRLF is one Character, equal to neither "\r" nor "\n"
            let quoted = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            if quoted { out.append(UInt8(ascii: "\"")) }
            if let f = bytes.first, f == UInt8(ascii: "=") || f == UInt8(ascii: "+") || f == UInt8(ascii: "-") || f == UInt8(ascii: "@") {
                out.append(UInt8(ascii: "'"))
            }
            if quoted {
                for b in bytes {
                    out.append(b)
                    if b == UInt8(ascii: "\"") { out.append(b) }
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}
