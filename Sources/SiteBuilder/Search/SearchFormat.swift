import CableKit
import ChanceryIO
import Foundation

/// Writes the index under `Public/search/`. Every file is a function of the corpus alone (no time, no
/// dictionary order), so a rebuild writes identical bytes and the output writer leaves unchanged shards alone.
///
/// - `meta.json` — counts, the shard layout, the first cable of each year, the classifications.
/// - `t/<shard>.bin` — the vocabulary split by term: a term lives in shard `fnv1a32(term) & (shards − 1)`;
///   `shards` is a power of two (at least 16) chosen from the cable count alone (shards of about 16 KB, by an
///   estimate of the vocabulary's size), so that editing a cable never changes it and an edit can patch the
///   shards it touches.
///   `varint count`, then per term (sorted by UTF-8 bytes, front-coded) `varint shared, varint suffixLength,
///   suffix, varint df, byte flags, varint postingsLength, varint positionsLength [, 8 bytes file name]`,
///   then the postings of the terms kept inline, in that order. A posting is `varint(gap << 4 | impact)`,
///   gap = doc − previous doc (the first counts from −1) and impact the term's BM25 weight in that cable
///   without idf, `tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))`, scaled to 1…15 — so a posting of a
///   common word is one byte. A filter term (flag 2: `#08state37957`, `#state37957`, `r:` and a cited id in
///   either form, `t:PREL`, `o:Embassy Islamabad`, `c:secret`) has plain `varint(gap)` postings.
/// - `p/<shard>.bin` — positions of the inline terms, in dictionary order: per posting `varint count,
///   varint(position − previous)…`. Fetched only for phrase queries.
/// - `x/<name>.bin`, `y/<name>.bin` — postings and positions of a term whose postings exceed 4 KB (flag 1;
///   the name is the 64-bit FNV-1a of the term in hex), so a rare word never downloads a common word's list.
/// - `d/<k>.json` — cables 64k…64k+63: `[id, title, date, origin, classification slug, [tags], folder, original]`,
///   `original` 0 none, 1 a `.txt`, 2 a WikiLeaks page (published as `<ID>.txt` too: both give snippets).
/// - `f/<k>.bin` — cables 8192k…: per cable `varint origin+1, varint classification+1, varint tag count,
///   varint tag…` (numbers into `f/dict.json`), for counting results by origin, classification and tag.
struct SearchFormat {
    static let version = 1
    static let docsPerShard = 64
    static let docsPerFacetShard = 8192
    /// Postings longer than this go to their own file.
    static let bigPostings = 4096
    /// Target size of a vocabulary shard: the shard count is the power of two that gets closest above the
    /// estimated size of the vocabulary shards divided by this.
    static let targetShardBytes = 16 * 1024
    static let k1 = 1.2, b = 0.75

    let context: SiteContext
    let lengths: [UInt32]
    /// Average length, rounded to a multiple of 16 so that editing a cable almost never changes it (and with
    /// it every impact byte of the index).
    let averageLength: Double

    init(context: SiteContext, lengths: [UInt32]) {
        self.context = context
        self.lengths = lengths
        let total = lengths.reduce(0) { $0 + Double($1) }
        let raw = lengths.isEmpty ? 0 : total / Double(lengths.count)
        averageLength = max(16, (raw / 16).rounded() * 16)
    }

    var records: [CableRecord] { context.index.records }

    /// Hands the files to `write` in groups, a partition at a time (a partition's postings are joined from
    /// its run files just before its shards are encoded, and freed after), and returns the errors.
    func files(tables: inout [TermTable], _ write: ([OutputFile]) -> [BuildError]) -> [BuildError] {
        let partitions = tables.count
        let shards = SearchFormat.shardCount(cables: records.count)
        let digits = SearchFormat.digits(shards)
        let average = averageLength
        let lengths = self.lengths
        let impacts = SearchFormat.impacts(lengths: lengths, average: average)
        var errors: [BuildError] = []
        // a partition's postings are joined on another thread while the one before it is encoded and written
        func restoreAhead(_ p: Int) -> Pending<Result<TermTable, BuildError>>? {
            guard p < partitions else { return nil }
            let taken = tables[p]
            tables[p] = TermTable()
            return Pending {
                var table = taken
                do throws(BuildError) { try table.restore(); return .success(table) } catch {
                    table.discard()
                    return .failure(error)
                }
            }
        }
        var ahead = restoreAhead(0)
        for p in 0..<partitions {
            let restored = ahead!.value()
            ahead = restoreAhead(p + 1)
            let table: TermTable
            switch restored {
            case .success(let t): table = t
            case .failure(let error): errors.append(error); continue
            }
            var members = [[Int32]](repeating: [], count: shards / partitions)
            for (k, h) in table.hashes.enumerated() { members[Int(h & UInt32(shards - 1)) / partitions].append(Int32(k)) }
            let owned = table, shardMembers = members
            for groupStart in stride(from: 0, to: members.count, by: 128) {
                let group = Array(groupStart..<min(members.count, groupStart + 128))
                let encoded = parallelMap(group) { m in
                    SearchFormat.shard(m * partitions + p, digits: digits, members: shardMembers[m], table: owned, lengths: lengths, average: average,
                                       impacts: impacts)
                }
                errors += write(encoded.flatMap { $0 })
            }
        }
        errors += write(metadata(shards: shards, digits: digits))
        return errors
    }

    /// A power of two, at least the partition count (so that every shard's terms are in one partition), from
    /// the number of cables only. The vocabulary grows slower than the archive (Heaps' law): its shards hold
    /// about `3400 · cables^0.825` bytes (fitted on the sample reading room, ~400 KB for 322 cables, and a
    /// 50,000-cable archive, ~26 MB).
    static func shardCount(cables: Int) -> Int {
        let estimate = 3400 * pow(Double(cables), 0.825)
        var shards = SearchIndexer.partitionCount
        while Double(shards * targetShardBytes) < estimate, shards < 1 << 16 { shards <<= 1 }
        return shards
    }

    /// Hex digits of a shard's file name.
    static func digits(_ shards: Int) -> Int { String(shards - 1, radix: 16).count }

    /// A term is a filter term (`#id`, `r:`, `t:`, `o:`, `c:`) when it has `#` or `:`, which the tokenizer never keeps.
    static func isFilter<C: Collection<UInt8>>(_ term: C) -> Bool {
        var u = term.makeIterator()
        guard let first = u.next() else { return false }
        return first == UInt8(ascii: "#") || u.next() == UInt8(ascii: ":")
    }

    /// The impacts of term frequencies 1…`impactsPerCable` in each cable, computed once:
    /// `impact(tf: tf, length: lengths[doc], average: average)` is `table[doc · impactsPerCable + tf − 1]`.
    static let impactsPerCable = 16

    static func impacts(lengths: [UInt32], average: Double) -> [UInt8] {
        let perCable = impactsPerCable
        return [UInt8](unsafeUninitializedCapacity: lengths.count * perCable) { out, initialized in
            for (doc, length) in lengths.enumerated() {
                for tf in 1...perCable { out[doc * perCable + tf - 1] = impact(tf: Double(tf), length: Double(length), average: average) }
            }
            initialized = lengths.count * perCable
        }
    }

    /// Postings and positions of one term in their published form (`impacts` from `impacts(lengths:average:)`).
    ///
    /// Written in place: a posting is `varint(gap << 4 | impact)` for the stream's `varint gap, varint tf`
    /// (one byte more at most for two bytes fewer), and its positions are the stream's bytes from the count on
    /// as they are (the stream's varints are written as `appendSearchVarint` writes them), so neither
    /// output is longer than the stream.
    static func encode(_ stream: [UInt8], filter: Bool, lengths: [UInt32], average: Double, impacts: [UInt8]) -> (postings: [UInt8], positions: [UInt8]) {
        let perCable = impactsPerCable
        var positions: [UInt8] = []
        let postings = stream.withUnsafeBufferPointer { s in
            [UInt8](unsafeUninitializedCapacity: s.count) { out, written in
                var r = VarintReader(s)
                var doc = -1, p = 0
                if filter {
                    while !r.atEnd {
                        let gap = r.next()
                        _ = r.next()
                        r.skip(r.next())
                        putSearchVarint(gap, out.baseAddress!, &p)
                    }
                    written = p
                    return
                }
                positions = [UInt8](unsafeUninitializedCapacity: s.count) { positionsOut, positionsWritten in
                    var q = 0
                    while !r.atEnd {
                        let gap = r.next(), tf = r.next()
                        doc += Int(gap)
                        let from = r.offset
                        r.skip(r.next())
                        let weight = tf >= 1 && Int(tf) <= perCable ? impacts[doc * perCable + Int(tf) - 1]
                            : impact(tf: Double(tf), length: Double(lengths[doc]), average: average)
                        putSearchVarint(gap << 4 | UInt32(weight), out.baseAddress!, &p)
                        // the count and the positions as they are, in one copy
                        let n = r.offset - from
                        (positionsOut.baseAddress! + q).update(from: s.baseAddress! + from, count: n)
                        q += n
                    }
                    positionsWritten = q
                }
                written = p
            }
        }
        return (postings, positions)
    }

    /// BM25's term-frequency factor, scaled to 1…15.
    static func impact(tf: Double, length: Double, average: Double) -> UInt8 {
        let w = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average))
        return UInt8(max(1, min(15, Int((w / (k1 + 1) * 15).rounded()))))
    }

    static func shardName(_ s: Int, digits: Int) -> String {
        let hex = String(s, radix: 16)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    static func shard(_ s: Int, digits: Int, members: [Int32], table: TermTable, lengths: [UInt32], average: Double, impacts: [UInt8]) -> [OutputFile] {
        let sorted = members.sorted { a, b in table.table.key(Int(a)).lexicographicallyPrecedes(table.table.key(Int(b))) }
        let terms = sorted.map { k -> ShardTerm in
            let bytes = Array(table.table.key(Int(k)))
            let filter = isFilter(bytes)
            let encoded = encode(table.streams[Int(k)], filter: filter, lengths: lengths, average: average, impacts: impacts)
            return ShardTerm(bytes: bytes, df: table.df[Int(k)], filter: filter, postings: encoded.postings, positions: encoded.positions)
        }
        return assemble(s, digits: digits, terms: terms)
    }

    /// The files of shard `s` from its terms in their published form, sorted by UTF-8 bytes: `t/`, `p/` (when
    /// some inline term has positions), and `x/` `y/` for the big terms.
    static func assemble(_ s: Int, digits: Int, terms: [ShardTerm]) -> [OutputFile] {
        var dictionary: [UInt8] = [], blob: [UInt8] = [], positions: [UInt8] = []
        var files: [OutputFile] = []
        dictionary.appendSearchVarint(UInt32(terms.count))
        var previous: [UInt8] = []
        var names = Set<UInt64>()
        for term in terms {
            let bytes = term.bytes
            var shared = 0
            while shared < min(bytes.count, previous.count), bytes[shared] == previous[shared] { shared += 1 }
            dictionary.appendSearchVarint(UInt32(shared))
            dictionary.appendSearchVarint(UInt32(bytes.count - shared))
            dictionary += bytes[shared...]
            previous = bytes
            dictionary.appendSearchVarint(term.df)
            let name = SearchHash.fnv64(bytes)
            let big = term.postings.count > bigPostings && names.insert(name).inserted
            dictionary.append((big ? 1 : 0) | (term.filter ? 2 : 0))
            dictionary.appendSearchVarint(UInt32(term.postings.count))
            dictionary.appendSearchVarint(UInt32(term.positions.count))
            if big {
                for shift in stride(from: 56, through: 0, by: -8) { dictionary.append(UInt8(truncatingIfNeeded: name >> UInt64(shift))) }
                let hex = hex64(name)
                files.append(OutputFile(path: "search/x/\(hex).bin", bytes: term.postings))
                if !term.positions.isEmpty { files.append(OutputFile(path: "search/y/\(hex).bin", bytes: term.positions)) }
            } else {
                blob += term.postings
                positions += term.positions
            }
        }
        let name = shardName(s, digits: digits)
        files.append(OutputFile(path: "search/t/\(name).bin", bytes: dictionary + blob))
        if !positions.isEmpty { files.append(OutputFile(path: "search/p/\(name).bin", bytes: positions)) }
        return files
    }

    static func hex64(_ v: UInt64) -> String {
        let hex = String(v, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: documents, facets, meta

    /// Origins and tags numbered for the facet files: by size class (powers of two, largest first), then by
    /// name, so that small numbers (one byte) go to the common values and an edit rarely renumbers anything.
    static func numbering(_ counts: [String: Int]) -> [String] {
        counts.keys.sorted { a, b in
            let ca = Int.bitWidth - counts[a]!.leadingZeroBitCount, cb = Int.bitWidth - counts[b]!.leadingZeroBitCount
            return ca != cb ? ca > cb : a < b
        }
    }

    /// `d/`, `f/` and `meta.json`; of the `d/` files only those in `documents` when given (a patch keeps the
    /// others).
    func metadata(shards: Int, digits: Int, documents: Set<Int>? = nil) -> [OutputFile] {
        let index = context.index
        let records = self.records
        var files: [OutputFile] = []

        // documents
        let docShards = (records.count + SearchFormat.docsPerShard - 1) / SearchFormat.docsPerShard
        let urls = context.urls
        files += parallelMap((0..<docShards).filter { documents?.contains($0) ?? true }) { k in
            // each cable's array written straight into the file's bytes (ten strings made and joined for each
            // cable took more than the rest of the file)
            var out = ByteWriter(capacity: 1 << 16)
            out.append(UInt8(ascii: "["))
            let first = k * SearchFormat.docsPerShard
            for i in first..<min(records.count, (k + 1) * SearchFormat.docsPerShard) {
                let r = records[i]
                if i > first { out.append(",\n") }
                let date = r.date.map { r.dateEstimated ? String($0.year) : $0.isoDate } ?? ""
                let folder = urls.cableFolder(id: r.id, date: r.date, estimated: r.dateEstimated)
                let original: UInt8 = r.originalName.map { $0.hasSuffix(".txt") ? 1 : 2 } ?? 0
                out.append(UInt8(ascii: "["))
                for field in [r.id, r.title ?? "", date, r.origin ?? "", r.classification?.slug ?? ""] {
                    CableJSON.appendString(field, to: &out)
                    out.append(UInt8(ascii: ","))
                }
                out.append(UInt8(ascii: "["))
                for (n, tag) in r.tags.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    CableJSON.appendString(tag, to: &out)
                }
                out.append("],")
                CableJSON.appendString(String(folder.dropLast(r.id.count + 1)), to: &out)
                out.append(UInt8(ascii: ","))
                out.append(UInt8(ascii: "0") + original)
                out.append(UInt8(ascii: "]"))
            }
            out.append("]\n")
            return OutputFile(path: "search/d/\(k).json", bytes: out.finish())
        }

        // facets
        let origins = SearchFormat.numbering(index.origins.mapValues(\.count))
        let tags = SearchFormat.numbering(index.tags.mapValues(\.count))
        let originNumber = Dictionary(uniqueKeysWithValues: origins.enumerated().map { ($1, $0) })
        let tagNumber = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        let classes = Classification.allCases
        let facetShards = (records.count + SearchFormat.docsPerFacetShard - 1) / SearchFormat.docsPerFacetShard
        let facets = parallelMap(Array(0..<facetShards)) { k in
            var out: [UInt8] = []
            for i in (k * SearchFormat.docsPerFacetShard)..<min(records.count, (k + 1) * SearchFormat.docsPerFacetShard) {
                let r = records[i]
                out.appendSearchVarint(UInt32(r.origin.flatMap { originNumber[$0] }.map { $0 + 1 } ?? 0))
                out.appendSearchVarint(UInt32(r.classification.flatMap { classes.firstIndex(of: $0) }.map { $0 + 1 } ?? 0))
                let numbers = r.tags.compactMap { tagNumber[$0] }
                out.appendSearchVarint(UInt32(numbers.count))
                for t in numbers { out.appendSearchVarint(UInt32(t)) }
            }
            return OutputFile(path: "search/f/\(k).bin", bytes: out)
        }
        files += facets
        let originList = origins.map { "[\(CableJSON.string($0)),\(index.origins[$0]!.count)]" }
        let tagList = tags.map { code -> String in
            let name = context.glossary.entry(for: code)?.name
            return "[\(CableJSON.string(code)),\(index.tags[code]!.count)" + (name.map { "," + CableJSON.string($0) } ?? "") + "]"
        }
        files.append(OutputFile(path: "search/f/dict.json", bytes: Array(
            ("{\"origins\":[" + originList.joined(separator: ",\n") + "],\n\"tags\":[" + tagList.joined(separator: ",\n") + "]}\n").utf8)))

        // years: the cables are in date order, so a year is a range of numbers
        var years: [String] = []
        var undated = "null"
        var i = 0
        while i < records.count {
            let year = records[i].date?.year
            var j = i + 1
            while j < records.count, records[j].date?.year == year { j += 1 }
            if let year { years.append("[\(year),\(i),\(j - i)]") } else { undated = "[\(i),\(j - i)]" }
            i = j
        }
        let classList = classes.map { c in "[\(CableJSON.string(c.slug)),\(CableJSON.string(c.rawValue)),\(index.classifications[c]?.count ?? 0)]" }
        let meta = "{\"version\":\(SearchFormat.version),\"count\":\(records.count),\"shards\":\(shards),\"digits\":\(digits),"
            + "\"ds\":\(SearchFormat.docsPerShard),\"fs\":\(SearchFormat.docsPerFacetShard),"
            + "\"fb\":[" + facets.map { String($0.bytes.count) }.joined(separator: ",") + "],"
            + "\"years\":[" + years.joined(separator: ",") + "],\"undated\":\(undated),"
            + "\"cls\":[" + classList.joined(separator: ",") + "]}\n"
        files.append(OutputFile(path: "search/meta.json", bytes: Array(meta.utf8)))
        return files
    }
}

/// One term of a vocabulary shard in its published form (postings with impacts, positions).
struct ShardTerm: Sendable {
    var bytes: [UInt8]
    var df: UInt32
    var filter: Bool
    var postings: [UInt8]
    var positions: [UInt8]
}

/// Reads LEB128 varints from a byte buffer.
struct VarintReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
    var atEnd: Bool { offset >= bytes.count }

    @inline(__always) mutating func next() -> UInt32 {
        var v: UInt32 = 0, shift: UInt32 = 0
        while offset < bytes.count {
            let b = bytes[offset]; offset += 1
            v |= UInt32(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return v
    }

    /// Skips `count` varints (as many calls of `next` would): each ends at a byte below 0x80, so they are
    /// counted, not decoded.
    @inline(__always) mutating func skip(_ count: UInt32) {
        guard count > 0, let base = bytes.baseAddress else { return }
        var left = Int(count), i = offset
        let n = bytes.count
        while left > 0, i < n {
            left &-= Int(base[i] >> 7 ^ 1)
            i &+= 1
        }
        offset = i
    }

    static func length(_ v: UInt32) -> Int { v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5 }
}
