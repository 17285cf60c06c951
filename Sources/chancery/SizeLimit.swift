import ArgumentParser

/// `--max-size MB`: the largest single cable file `import` and `inspect` read (a larger one is refused
/// unread; a Cablegate CSV is streamed whatever its size).
struct SizeLimit: ParsableArguments {
    @Option(name: .customLong("max-size"), help: "Largest single cable file accepted, in MB.")
    var megabytes = 8

    var bytes: Int { megabytes * 1_048_576 }

    /// A limit below 1 MB refuses every cable; one of a terabyte is no limit, and larger ones overflow
    /// when counted in bytes.
    func validate() throws {
        guard (1...1_048_576).contains(megabytes) else {
            throw ValidationError("--max-size must be a whole number of MB from 1 to 1048576, not \(megabytes)")
        }
    }
}
