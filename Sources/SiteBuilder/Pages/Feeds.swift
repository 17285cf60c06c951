import CableKit

/// Atom feeds of the newest cables: the whole site, each tag and each post. Entries are dated by the
/// cables themselves, so a feed changes only when its cables do (no build timestamps).
struct Feeds {
    let context: SiteContext

    /// One feed to write.
    struct Job: Sendable {
        var path: String
        var title: String
        var members: [Int]
        var about: String
    }

    func jobs() -> [Job] {
        let urls = context.urls
        var jobs = [Job(path: urls.feed, title: context.config.title, members: Array(context.index.records.indices), about: urls.home)]
        for (code, members) in context.index.tags.sorted(by: { $0.key < $1.key }) {
            let name = context.tagView(code).name
            jobs.append(Job(path: urls.tag(code) + "feed.xml", title: "\(context.config.title): \(code)\(name == code ? "" : " — " + name)", members: members, about: urls.tag(code)))
        }
        for (origin, members) in context.index.origins.sorted(by: { $0.key < $1.key }) {
            jobs.append(Job(path: urls.origin(origin) + "feed.xml", title: "\(context.config.title): \(origin)", members: members, about: urls.origin(origin)))
        }
        return jobs
    }

    /// The newest cables a feed lists.
    func newest(_ members: [Int]) -> ArraySlice<Int> {
        let records = context.index.records
        return Array(members.reversed().lazy.filter { records[$0].date != nil }.prefix(context.config.feedSize))[...]
    }

    func key(_ job: Job, settings: UInt64) -> UInt64 {
        var h = FastHash(seed: settings)
        h.add(job.path); h.add(job.title); h.add(job.about)
        for i in newest(job.members) { h.add(context.index.records[i].listingKey) }
        return h.value
    }

    func render(_ job: Job) -> OutputFile { feed(path: job.path, title: job.title, members: job.members, about: job.about) }

    func feed(path: String, title: String, members: [Int], about: String) -> OutputFile {
        let urls = context.urls
        let records = context.index.records
        let newest = self.newest(members)
        let updated = newest.first.flatMap { records[$0].date?.iso8601 } ?? "1970-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(escape(title))</title>\n"
        xml += "  <id>\(escape(urls.absolute(path)))</id>\n"
        xml += "  <link rel=\"self\" href=\"\(escape(urls.absolute(path)))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(urls.absolute(about)))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <author><name>\(escape(context.config.title))</name></author>\n"
        for i in newest {
            let r = records[i]
            let link = urls.absolute(urls.cable(id: r.id, date: r.date))
            xml += "  <entry>\n"
            xml += "    <title>\(escape(r.id + ": " + (r.title ?? "(no subject)")))</title>\n"
            xml += "    <id>\(escape(link))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link))\"/>\n"
            xml += "    <updated>\(r.date!.iso8601)</updated>\n"
            if let origin = r.origin { xml += "    <author><name>\(escape(origin))</name></author>\n" }
            for tag in r.tags { xml += "    <category term=\"\(escape(tag))\"/>\n" }
            let summary = [r.marking, r.summary].compactMap { $0 }.joined(separator: " — ")
            if !summary.isEmpty { xml += "    <summary>\(escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: urls.file(for: path), bytes: Array(xml.utf8))
    }
}

/// Escapes text for XML and HTML attribute or element content (on UTF-8 bytes), dropping the control
/// characters XML 1.0 forbids.
func escape(_ s: String) -> String {
    var clean = true
    var mayHaveNonCharacter = false
    for b in s.utf8 {
        if b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || (b < 0x20 && b != 0x0A && b != 0x09 && b != 0x0D) { clean = false; break }
        if b == 0xEF { mayHaveNonCharacter = true }
    }
    if clean && !mayHaveNonCharacter { return s }
    var text = s
    return text.withUTF8 { bytes in
        // runs of plain bytes are copied whole, between the bytes that are replaced or dropped
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        var run = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b >= 0x20 && b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0x27 || b == 0x09 || b == 0x0A || b == 0x0D { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            run = i + 1
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: break  // a control character XML forbids
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either
        var result = String(decoding: out, as: UTF8.self)
        if mayHaveNonCharacter || out.contains(0xEF), result.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            result = String(String.UnicodeScalarView(result.unicodeScalars.filter { $0.value != 0xFFFE && $0.value != 0xFFFF }))
        }
        return result
    }
}
