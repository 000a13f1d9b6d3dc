// Reads and writes every kind of value and document an embedding application meets, and prints one line per
// check, "ok <name>" or "FAILED <name>", then "all ok" when every check passed (exit code 0) or the count failed (1).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Eligibility;
using Upon.Core;

int failures = 0;

// NodaTime values through UponJson: written as the docs say, read back equal.
Check("localDate", RoundTrips(new LocalDate(2020, 9, 14), "\"2020-09-14\""));
Check("period", RoundTrips(Period.FromMonths(12), "\"P12M\""));
Check("periodIsoFraction", UponJson.Deserialize<Period>("\"PT1.5S\"") == Period.FromSeconds(1) + Period.FromMilliseconds(500));
Check("localTime", RoundTrips(new LocalTime(9, 5, 30, 500), "\"09:05:30.5\""));
Check("localTimeWithoutSeconds", UponJson.Deserialize<LocalTime>("\"14:00\"") == new LocalTime(14, 0));
Check("localDateTime", RoundTrips(new LocalDateTime(2022, 2, 7, 9, 30), "\"2022-02-07T09:30:00\""));
Check("instant", RoundTrips(Instant.FromUtc(2021, 12, 10, 14, 0), "\"2021-12-10T14:00:00Z\""));
Check("dateTimeZone", RoundTrips(DateTimeZoneProviders.Tzdb["Europe/London"], "\"Europe/London\""));
Check("dateInterval", RoundTrips(new DateInterval(new LocalDate(2020, 11, 23), new LocalDate(2021, 6, 30)), """{"start":"2020-11-23","end":"2021-06-30"}"""));

// Bad text is a JsonException that says where and never repeats the value.
Check("badDate", Rejects<Holiday>("""{"date":"2026-02-30","name":"Staff day","notes":""}""", "$.date", "2026-02-30"));
Check("badZone", Rejects<DateTimeZone>("\"Mars/Olympus\"", "$", "Mars/Olympus"));

// A library document type through UponJson.
Holiday boxingDay = Holiday.SubstituteDay(new LocalDate(2026, 12, 28), "Boxing Day");
Check("holiday", RoundTrips(boxingDay, """{"date":"2026-12-28","name":"Boxing Day","notes":"Substitute day"}"""));

// The bank-holiday document: read, and a bad one reported as problems, not an exception.
var holidays = BankHolidayDocument.Parse("""
    {"england-and-wales":{"division":"england-and-wales","events":[
      {"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
      {"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true}]}}
    """);
Check("bankHolidays", holidays.IsValid && holidays.Value!["england-and-wales"].IsHoliday(new LocalDate(2026, 12, 28)));
var badHolidays = BankHolidayDocument.Parse("""{"england-and-wales":{"events":[{"title":"","date":"2026-02-30"}]}}""");
Check("bankHolidayProblems", !badHolidays.IsValid && badHolidays.Problems.Length == 2);

// Policies: the built-in policy written and read back; an application read and decided, and the decision written.
using MemoryStream policies = new();
PolicyDocument.Write(policies, [BuiltInPolicies.Year2]);
var policiesBack = PolicyDocument.Parse(Encoding.UTF8.GetString(policies.ToArray()));
Check("policy", policiesBack.IsValid && policiesBack.Value!.Single().Id == BuiltInPolicies.Year2.Id);

var application = ApplicationDocument.Parse("""
    {"id":"A-001","programmeYear":"2021/22","assessedOn":"2021-06-01","roles":[{"title":"Assistant Director, Children's Social Care","organisation":"Northshire County Council","organisationType":"localAuthority","sector":"childrensServices","level":"assistantDirector","start":"2017-09-04"}],"readyBy":"2023-09-01","moralPurposeStatement":"Every child in care deserves a champion who never gives up on them."}
    """);
Check("application", application.IsValid);
EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application.Value!.Application);
using MemoryStream decisionJson = new();
DecisionDocument.Write(decisionJson, decision);
var decisionBack = DecisionDocument.Parse(Encoding.UTF8.GetString(decisionJson.ToArray()));
Check("decision", decision.IsEligible && decisionBack.IsValid && decisionBack.Value!.IsEligible);

Console.WriteLine(failures == 0 ? "all ok" : $"{failures} failed");
return failures == 0 ? 0 : 1;

void Check(string name, bool passed)
{
    Console.WriteLine((passed ? "ok " : "FAILED ") + name);
    failures += passed ? 0 : 1;
}

static bool RoundTrips<T>(T value, string expected)
{
    string json = UponJson.Serialize(value);
    return json == expected && EqualityComparer<T>.Default.Equals(UponJson.Deserialize<T>(json), value);
}

static bool Rejects<T>(string json, string path, string value)
{
    try
    {
        UponJson.Deserialize<T>(json);
        return false;
    }
    catch (JsonException e)
    {
        return e.Path == path && !e.ToString().Contains(value, StringComparison.Ordinal);
    }
}
