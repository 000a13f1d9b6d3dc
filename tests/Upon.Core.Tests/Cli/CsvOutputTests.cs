using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Cli;

namespace Upon.Core.Tests.Cli;

/// <summary><see cref="CsvOutput"/>: the records of a JSON document as RFC 4180 CSV that a spreadsheet reads back whole.</summary>
public sealed class CsvOutputTests
{
    /// <summary>Text with everything CSV, terminals and spreadsheets treat specially, and letters beyond ASCII.</summary>
    private static readonly Gen<string> Texts =
        Gen.Elements("a", "Z", " ", ",", "\"", "\"\"", "=", "+", "-", "@", "'", "\n", "\r\n", "\r", "\t", "\u001b[31m", "\u2028", "é", "😀", ";", "1", "0.5")
            .ArrayOf()
            .Select(string.Concat);

    [Property]
    public Property AnyText_ReadsBack_EscapedForTheTerminal_AndGuardedAgainstFormulas()
    {
        return Prop.ForAll(Arb.From(Texts), Arb.From(Texts), (first, second) =>
        {
            string json = JsonSerializer.Serialize(new { rows = new[] { new { name = first, other = second } } });
            List<string[]> rows = ReadBack(Write(json, new CsvTable("row", "rows", "name", "other")));
            return rows.Count == 2
                && rows[0].SequenceEqual(["name", "other"])
                && rows[1].SequenceEqual([Expected(first), Expected(second)]);
        });
    }

    [Property]
    public Property AnyList_ReadsBack_AsItsItemsInOrder_SeparatedBySemicolons()
    {
        return Prop.ForAll(Arb.From(Gen.Choose(-1000, 1000).ArrayOf()), numbers =>
        {
            string json = JsonSerializer.Serialize(new { values = numbers, items = numbers.Select(n => new { n }) });
            List<string[]> rows = ReadBack(Write(json, new CsvTable("all", string.Empty, "values", "items.n")));
            string expected = string.Join("; ", numbers);
            return rows[1][0] == expected && rows[1][1] == expected;
        });
    }

    [Fact]
    public void ListsOfObjects_KeepTheirItemsInStep_WhenAnObjectLacksAValue()
    {
        const string Json = """{"items": [{"a": 1, "b": "x"}, {"a": 2}, {"b": "z"}, {"a": null, "b": "w"}]}""";
        Assert.Equal("items.a,items.b\r\n1; 2; ; ,x; ; z; w\r\n", Write(Json, new CsvTable("all", string.Empty, "items.a", "items.b")));
    }

    [Fact]
    public void AnEmptyOrMissingInnerList_KeepsItsParentsRow_WithTheDeeperColumnsEmpty()
    {
        const string Json = """{"groups": [{"g": "a", "points": [{"t": 1}, {"t": 2}]}, {"g": "b", "points": []}, {"g": "c"}]}""";
        Assert.Equal(
            "g,points.t\r\na,1\r\na,2\r\nb,\r\nc,\r\n",
            Write(Json, new CsvTable("point", "groups.points", "g", "points.t")));
    }

    [Fact]
    public void AnEmptyFirstList_GivesTheHeaderAlone()
    {
        Assert.Equal("date,name\r\n", Write("""{"holidays": []}""", new CsvTable("holiday", "holidays", "date", "name")));
        Assert.Equal("date,name\r\n", Write("""{}""", new CsvTable("holiday", "holidays", "date", "name")));
    }

    [Fact]
    public void ObjectsOnThePath_NameTheDeeperLevelsColumns()
    {
        const string Json = """{"breakdowns": [{"dimension": "d", "published": {"total": 9, "cells": [{"category": "c1"}, {"category": "c2"}]}}]}""";
        Assert.Equal(
            "dimension,published.total,published.cells.category\r\nd,9,c1\r\nd,9,c2\r\n",
            Write(Json, new CsvTable("published", "breakdowns.published.cells", "dimension", "published.total", "published.cells.category")));
    }

    [Fact]
    public void ManyTables_ShareOneHeader_LedByTheTableColumn_AndColumnsOfTheSameNameShareACell()
    {
        const string Json = """{"total": 3, "places": 2, "rows": [{"input": "x", "places": 5}], "dates": ["2022-01-03", "2022-01-04"]}""";
        string csv = Write(
            Json,
            new CsvTable("model", string.Empty, "total", "places"),
            new CsvTable("row", "rows", "input", "places"),
            new CsvTable("date", "dates", "date"));
        Assert.Equal("table,total,places,input,date\r\nmodel,3,2,,\r\nrow,,5,x,\r\ndate,,,,2022-01-03\r\ndate,,,,2022-01-04\r\n", csv);
    }

    [Fact]
    public void Values_AreWrittenAsTheJsonHasThem()
    {
        const string Json = """{"r": [{"n": 0.1, "big": 1E+300, "d": 15.30, "t": true, "f": false, "z": null, "s": "2022-01-03", "neg": -1}]}""";
        Assert.Equal(
            "n,big,d,t,f,z,s,neg,missing\r\n0.1,1E+300,15.30,true,false,,2022-01-03,-1,\r\n",
            Write(Json, new CsvTable("r", "r", "n", "big", "d", "t", "f", "z", "s", "neg", "missing")));
    }

    [Fact]
    public void WriteRows_RefusesATableNotItsOwn()
    {
        using StringWriter output = new();
        CsvOutput csv = new(output, new CsvTable("a", string.Empty, "x"));
        using JsonDocument document = JsonDocument.Parse("{}");
        Assert.Throws<ArgumentException>(() => csv.WriteRows(new CsvTable("a", string.Empty, "x"), document.RootElement));
    }

    private static string Expected(string text)
    {
        string escaped = CliText.Escape(text);
        return escaped.Length > 0 && "=+-@".Contains(escaped[0], StringComparison.Ordinal) ? "'" + escaped : escaped;
    }

    private static string Write(string json, params CsvTable[] tables)
    {
        using StringWriter output = new();
        CsvOutput.Write(output, json, tables);
        return output.ToString();
    }

    private static List<string[]> ReadBack(string csv)
    {
        using CsvReader reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = false });
        List<string[]> rows = [];
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString())]);
        }

        return rows;
    }
}
