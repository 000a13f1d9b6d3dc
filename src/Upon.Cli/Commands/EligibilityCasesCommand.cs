using System.Collections.Immutable;
using Upon.Core.Eligibility;

namespace Upon.Cli.Commands;

/// <summary><c>upon eligibility cases generate</c>: the boundary cases of a policy, written as a case file.</summary>
internal static partial class EligibilityCommand
{
    private static Command CreateCases()
    {
        Command cases = new("cases", "Make conformance case files for 'upon eligibility test'.");
        cases.Add(new CasesGenerateOptions().CreateCommand(
            "generate",
            "Generate the cases at the edges of POLICY (the day before and the day an experience minimum is met, from 29 February and month ends; the last and first days of the readiness window; the statement's word limits; the assessors' judgement; each route of an 'any' alone) and write them to a case file that 'upon eligibility test' runs. The expected decisions come from the rules' definitions. Exit 0 when the file is written, 1 when it cannot be (or the policy has no edge), 2 on usage errors.",
            GenerateCases));
        return cases;
    }

    /// <summary>Runs <c>upon eligibility cases generate</c>.</summary>
    private static int GenerateCases(CommandRun run, CasesGenerateOptions options)
    {
        string output = run.GetValue(options.Output)!;
        string? policies = run.GetValue(options.Policies);
        if (InputFile.IsStandardInput(output) && policies is not null && InputFile.IsStandardInput(policies))
        {
            return run.Usage("standard input and output are both '-': give --policies or --output as a file.");
        }

        if (LoadRegistry(policies, run.Error) is not PolicyRegistry registry)
        {
            return ExitCodes.InvalidInput;
        }

        string policyId = run.GetValue(options.Policy)!;
        if (FindPolicy(registry, policyId) is not EligibilityPolicy policy)
        {
            return run.Usage($"no policy '{CliText.Escape(policyId)}'; run 'upon eligibility policies' to list them.");
        }

        LocalDate asOf = run.GetValue(options.AsOf) ?? policy.EffectiveFrom;
        ImmutableArray<EligibilityCase> cases = EligibilityBoundaryCases.Generate(policy, asOf, new BoundaryCaseOptions { InlinePolicy = run.GetValue(options.Inline) });
        string name = $"{policy.Id} v{policy.Version.ToString(CultureInfo.InvariantCulture)}";
        if (cases.IsEmpty)
        {
            run.Error.WriteLine(CliText.Escape($"upon: {name} has no edge a case can be placed on; no file written."));
            return ExitCodes.InvalidInput;
        }

        if (InputFile.IsStandardInput(output))
        {
            using MemoryStream buffer = new();
            EligibilityCaseDocument.Write(buffer, cases, indented: true);
            run.Output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Success;
        }

        if (!OutputFile.Write(output, stream => EligibilityCaseDocument.Write(stream, cases, indented: true), run.Error))
        {
            return ExitCodes.Failure;
        }

        run.Output.WriteLine(CliText.Escape($"Wrote {cases.Length.ToString(CultureInfo.InvariantCulture)} boundary cases of {name}, as of {Iso(asOf)}, to {output}."));
        return ExitCodes.Success;
    }

    /// <summary>The arguments and options of <c>upon eligibility cases generate</c>.</summary>
    private sealed class CasesGenerateOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Policy, Policies, AsOf, Output, Inline];

        /// <summary>Gets the <c>POLICY</c> argument.</summary>
        public Argument<string> Policy { get; } = new("policy")
        {
            Description = "The policy whose edges to generate, ID or ID@VERSION (without a version, the latest).",
            HelpName = "ID[@VERSION]",
        };

        /// <summary>Gets <c>--policies</c>.</summary>
        public Option<string?> Policies { get; } = new("--policies")
        {
            Description = "A policy document (one policy or an array) to find the policy in instead of the built-in policies; '-' reads standard input.",
            HelpName = "FILE",
        };

        /// <summary>Gets <c>--as-of</c>.</summary>
        public Option<LocalDate?> AsOf { get; } = new("--as-of")
        {
            Description = "The date the edges are placed by (the readiness, statement and route cases are decided as of it; experience edges fall on or before it); by default the policy's first effective date.",
            HelpName = "yyyy-MM-dd",
            CustomParser = ParseOptionalDate,
        };

        /// <summary>Gets <c>--output</c>.</summary>
        public Option<string> Output { get; } = new("--output", "-o")
        {
            Description = "The case file to write, indented JSON: written whole to a temporary file beside it, then moved into place; '-' writes standard output.",
            HelpName = "FILE",
            Required = true,
        };

        /// <summary>Gets <c>--inline</c>.</summary>
        public Option<bool> Inline { get; } = new("--inline")
        {
            Description = "Give the policy whole in every case, so the file runs without --policies; by default the cases name the policy by ID and version.",
        };
    }
}
