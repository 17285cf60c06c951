import FuzzEntries

// A libFuzzer target: Tests/Fuzz/run.sh builds it with -D FUZZING -sanitize=fuzzer,address. SwiftPM links
// executables with `main` aliased to `FuzzWikiLeaks_main`, which hands over to libFuzzer's driver. Built
// normally (swift build), it replays the files given as arguments instead.
#if FUZZING
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.wikileaks.fuzz(data, size)
}

@_cdecl("FuzzWikiLeaks_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) }
}
#else
@main
enum FuzzWikiLeaksReplay {
    static func main() { FuzzReplay.main(.wikileaks) }
}
#endif
