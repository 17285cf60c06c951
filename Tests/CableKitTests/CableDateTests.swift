import Testing
@testable import CableKit

/// Dates as front matter (or a CSV row, a WikiLeaks page) writes them: to the minute, in UTC.
struct CableDateTests {
    private func iso(_ s: String) -> String? { CableDate(iso: s)?.iso8601 }

    @Test func theFormsChanceryWritesAndReads() {
        #expect(iso("2008-04-10T22:26:00Z") == "2008-04-10T22:26:00Z")
        #expect(iso("2008-04-10T22:26Z") == "2008-04-10T22:26:00Z")
        #expect(iso("2008-04-10 22:26") == "2008-04-10T22:26:00Z")
        #expect(iso("2008-04-10") == "2008-04-10T00:00:00Z")
        #expect(iso(" 2008-04-10 22:26 ") == "2008-04-10T22:26:00Z", "white space around it")
    }

    /// A day without a time (a telegram form's local "5 p.m.", an archive's record, a date edited by hand as a
    /// day, an estimate) is written and read back as a day: no made-up 00:00 UTC.
    @Test func aDayWithoutATimeStaysADay() throws {
        let day = try #require(CableDate(iso: "1962-08-11"))
        #expect(!day.timeKnown && day.written == "1962-08-11")
        #expect(CableDate(iso: day.written) == day)
        let moment = try #require(CableDate(iso: "1962-08-11T00:00:00Z"))
        #expect(moment.timeKnown && moment.written == "1962-08-11T00:00:00Z", "midnight UTC written as such is a time")
        #expect(CableDate.day(year: 1962, month: 8, day: 11) == day)
        #expect(!(day < moment) && !(moment < day), "they sort together")
    }

    /// `isoDate` and `iso8601` are written byte by byte: the same text as interpolating the numbers gives, for
    /// every year, month, day, hour and minute a date can hold (and for a year set by hand outside them).
    @Test func writtenFormsMatchTheirNumbers() throws {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        for year in [1900, 1962, 1999, 2000, 2009, 2100] {
            for month in 1...12 {
                for day in [1, 9, 10, 28, CableDate.daysIn(month: month, year: year)] {
                    for (hour, minute) in [(0, 0), (9, 5), (13, 39), (23, 59)] {
                        let d = try #require(CableDate(year: year, month: month, day: day, hour: hour, minute: minute))
                        #expect(d.isoDate == "\(year)-\(two(month))-\(two(day))")
                        #expect(d.iso8601 == "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):00Z")
                        #expect(CableDate(iso: d.iso8601) == d)
                    }
                }
            }
        }
        var odd = try #require(CableDate(year: 2008, month: 4, day: 10))
        odd.year = 812
        #expect(odd.isoDate == "812-04-10", "a year outside four digits is written as its number")
        odd.year = 12008
        #expect(odd.iso8601 == "12008-04-10T00:00:00Z")
    }

    @Test func secondsAreDroppedNotRefused() {
        #expect(iso("2008-04-10T22:26:17Z") == "2008-04-10T22:26:00Z")
        #expect(iso("2008-04-10T22:26:17.250Z") == "2008-04-10T22:26:00Z")
        #expect(iso("2008-04-10T22:26:60Z") == "2008-04-10T22:26:00Z", "a leap second")
        #expect(iso("2008-04-10T22:26:61Z") == nil)
    }

    @Test func anOffsetIsTurnedIntoUTC() {
        #expect(iso("2008-04-10T22:26:00+02:00") == "2008-04-10T20:26:00Z")
        #expect(iso("2008-04-10T22:26-0500") == "2008-04-11T03:26:00Z", "into the next day")
        #expect(iso("2008-03-01T01:00:00+05:30") == "2008-02-29T19:30:00Z", "back into February of a leap year")
        #expect(iso("2008-12-31T23:30:00-01:00") == "2009-01-01T00:30:00Z", "into the next year")
        #expect(iso("2009-01-01T00:10:00+00:20") == "2008-12-31T23:50:00Z", "into the year before")
        #expect(iso("2008-04-10T22:26:00+00:00") == "2008-04-10T22:26:00Z")
    }

    @Test func whatIsNotADateIsRefused() {
        for s in ["2008-04-10T22:26:00Zjunk", "2008-04-10T22:26:00 UTC", "2008-04-10T22", "2008-04-10T22:26:00+2", "2008-4-10",
                  "2008-04-31", "2008-02-30", "2008-04-10T24:00", "2008-04-10T22:26:00+24:00", "10 April 2008", "", "2008-04-10x"] {
            #expect(CableDate(iso: s) == nil, "\(s)")
        }
    }
}
