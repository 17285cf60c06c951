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
        var json = ByteWriter(capacity: 2048)
        CableJSON.write(cable, indent: " ", extra: [("url", jsonURL)], to: &json)
        // the fields written straight into the line (`csvColumns`' order), lists joined by ';'
        var csv = ByteWriter(capacity: 1024)
        // (the line passed to the helpers, not captured: a captured writer could not be handed over at the end;
        // each field after the first starts with its comma, so an empty first field still takes its place)
        func field(_ value: String, _ csv: inout ByteWriter) { csv.append(UInt8(ascii: ",")); appendCSVField(value, to: &csv) }
        func field(_ items: [String], _ csv: inout ByteWriter) { csv.append(UInt8(ascii: ",")); appendCSVField(items, to: &csv) }
        // the date as the front matter and the JSON have it (an estimate too: `date_estimated` says so), one format
        appendCSVField(id, to: &csv); field(cable.date.map(\.written) ?? "", &csv); field(cable.dateEstimated ? "true" : "false", &csv)
        field(cable.title ?? "", &csv); field(cable.origin ?? "", &csv); field(cable.classification?.rawValue ?? "", &csv); field(cable.caveats, &csv)
        field(cable.precedence ?? "", &csv); field(cable.to, &csv); field(cable.info, &csv); field(cable.tags, &csv)
        field(cable.references, &csv); field(cable.classifiedBy ?? "", &csv); field(cable.reasons, &csv)
        field(cable.declassifyOn ?? "", &csv); field(cable.signedBy ?? "", &csv); field(cable.partial ? "true" : "false", &csv); field(url, &csv)
        field(cable.referenceLine ?? "", &csv)
        csv.append("\r\n")
        return Entry(json: json.finish(), csv: csv.finish())
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
        var out = ByteWriter()
        appendCSVField(s, to: &out)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// `csvField(s)`, appended to `out` as UTF-8.
    static func appendCSVField(_ s: String, to out: inout ByteWriter) {
        var s = s
        s.withUTF8 { bytes in
            // on bytes: a CRLF is one Character, equal to neither "\r" nor "\n"
            let quoted = needsQuotes(bytes)
            if quoted { out.append(UInt8(ascii: "\"")) }
            if let f = bytes.first, startsFormula(f) { out.append(UInt8(ascii: "'")) }
            appendDoublingQuotes(bytes, quoted: quoted, to: &out)
            if quoted { out.append(UInt8(ascii: "\"")) }
        }
    }

    /// `csvField(items.joined(separator: ";"))`, appended to `out` without joining the items first.
    static func appendCSVField(_ items: [String], to out: inout ByteWriter) {
        if items.count == 1 { return appendCSVField(items[0], to: &out) }
        var quoted = false
        for item in items where !quoted {
            var item = item
            quoted = item.withUTF8(needsQuotes)
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
        // the joined field's first byte: the first item's, or the separator after an empty first item
        if let f = items.first.flatMap({ $0.utf8.first }) ?? (items.count > 1 ? UInt8(ascii: ";") : nil), startsFormula(f) {
            out.append(UInt8(ascii: "'"))
        }
        for (k, item) in items.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ";")) }
            var item = item
            item.withUTF8 { appendDoublingQuotes($0, quoted: quoted, to: &out) }
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
    }

    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }

    private static func startsFormula(_ f: UInt8) -> Bool {
        f == UInt8(ascii: "=") || f == UInt8(ascii: "+") || f == UInt8(ascii: "-") || f == UInt8(ascii: "@")
    }

    /// The bytes, each quote doubled when the field is quoted (one that is not has none).
    private static func appendDoublingQuotes(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, to out: inout ByteWriter) {
        guard quoted else { return out.append(bytes) }
        for b in bytes {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
    }
}
