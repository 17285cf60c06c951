import CableKit

/// The body of a cable file (what follows its front matter) as UTF-8 bytes, as the page and the search index
/// read it: the file's own bytes when it is plain UTF-8 (nearly always: `chancery import` writes it so),
/// without making a `String` of them — which would check every byte again and copy the body twice —, else
/// its text as `TextDecoding` reads it (Windows-1252, UTF-16, a byte-order mark).
enum CableBody {
    static func utf8(_ file: [UInt8]) throws(FrontMatterParser.Failure) -> ArraySlice<UInt8> {
        if TextDecoding.isPlainUTF8(file) {
            let offset = try file.withUnsafeBufferPointer { b in Result { () throws(FrontMatterParser.Failure) in try FrontMatterParser.bodyOffset(b) } }.get()
            return file[offset...]
        }
        return ArraySlice(try FrontMatterParser.body(TextDecoding.decode(file).text).utf8)
    }
}
