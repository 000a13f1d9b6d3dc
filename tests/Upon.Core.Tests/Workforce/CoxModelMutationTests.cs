using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The Cox model where the mutation run (docs/mutation/workforce-cox-model-cbfe939.md) found it untested: the guards of
/// <see cref="ProportionalHazards.Fit"/> and their words, the linear predictors and which covariates R centres, aliased
/// covariates, R's two rules for coefficients that may be infinite, the warnings' lists, the hash of a
/// <see cref="CoxRecord"/>, the order of the test of proportional hazards, and the dates on which a
/// <see cref="TenureCovariate"/> takes a step.
/// </summary>
public sealed class CoxModelMutationTests
{
    /// <summary>Six tenures with one covariate that makes little difference (a gentle fit, far from any edge).</summary>
    private static readonly CoxRecord[] Gentle =
    [
        new(2, true, [1.0]),
        new(3, true, [0.0]),
        new(4, false, [1.0]),
        new(5, true, [1.0]),
        new(6, false, [0.0]),
        new(7, true, [0.0]),
    ];

    /// <summary>
    /// Ten tenures from time 0 with two covariates: <c>x1</c> only −1, 0 and 1 (R leaves it uncentred), <c>x2</c> 0, 1 and
    /// 2, the 2s on the two earliest exits only (R centres it).
    /// </summary>
    private static readonly CoxRecord[] TwoCovariates =
    [
        new(1, true, [1.0, 2.0]),
        new(2, true, [-1.0, 2.0]),
        new(3, false, [0.0, 0.0]),
        new(4, true, [1.0, 1.0]),
        new(5, true, [0.0, 0.0]),
        new(6, false, [1.0, 1.0]),
        new(7, true, [-1.0, 0.0]),
        new(8, true, [1.0, 1.0]),
        new(9, false, [0.0, 0.0]),
        new(10, true, [0.0, 1.0]),
    ];

    private static readonly DateInterval Year2020 = new(new LocalDate(2020, 1, 1), new LocalDate(2020, 12, 31));

    // ---- The guards of the fit and their words -------------------------------------------------------------------

    /// <summary>Null records are refused with <see cref="ArgumentNullException"/> naming <c>records</c>.</summary>
    [Fact]
    public void Fit_NullRecords_ThrowsArgumentNullException_NamingRecords() =>
        Assert.Throws<ArgumentNullException>("records", () => ProportionalHazards.Fit(null!));

    /// <summary>No records at all: refused, in the library's words.</summary>
    [Fact]
    public void Fit_NoRecords_SaysAModelNeedsOne() =>
        Refused("records", "A Cox model needs at least one record.", () => ProportionalHazards.Fit([]));

    /// <summary>A <c>default</c> record, first or later, is refused by position, not by a crash on its missing covariates.</summary>
    [Fact]
    public void Fit_ADefaultRecord_IsRefusedByPosition()
    {
        Refused("records", "Record 0 is default (it has no covariates).", () => ProportionalHazards.Fit([default(CoxRecord)]));
        Refused("records", "Record 1 is default (it has no covariates).", () => ProportionalHazards.Fit([Gentle[0], default]));
    }

    /// <summary>Every record has as many covariates as record 0: more or fewer is refused, naming both counts.</summary>
    [Fact]
    public void Fit_RecordsWithDifferentNumbersOfCovariates_AreRefused()
    {
        Refused("records", "Record 1 has 2 covariates where record 0 has 1.", () => ProportionalHazards.Fit([new(1, true, [1.0]), new(2, true, [1.0, 2.0])]));
        Refused("records", "Record 1 has 1 covariates where record 0 has 2.", () => ProportionalHazards.Fit([new(1, true, [1.0, 2.0]), new(2, true, [1.0])]));
    }

    /// <summary>Records without an event are refused with R's words quoted.</summary>
    [Fact]
    public void Fit_NoEvent_GivesRsWords() =>
        Refused(
            "records",
            "A Cox model needs at least one event (R: \"Can't fit a Cox model with 0 failures\").",
            () => ProportionalHazards.Fit([new(1, false, [1.0]), new(2, false, [0.0])]));

    /// <summary>A convergence tolerance of exactly 0 is out of range (above 0, not at it), even with a tolerance for infinite coefficients given.</summary>
    [Fact]
    public void Fit_AToleranceOf0_IsOutOfRange()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(
            "options",
            () => ProportionalHazards.Fit(Gentle, new CoxOptions { Tolerance = 0, InfiniteCoefficientTolerance = 1e-5 }));
        Assert.Equal(new ArgumentOutOfRangeException("options", "The convergence tolerance must be above 0 and below 1.").Message, thrown.Message);
    }

    /// <summary>Covariate names: as many as the covariates, none null, empty or white space, none repeated; each refusal says which.</summary>
    [Fact]
    public void Fit_BadCovariateNames_AreRefusedInWords_NamingOptions()
    {
        CoxRecord[] two = TwoCovariates;
        Refused("options", "The options name 1 covariates where the records have 2.", () => ProportionalHazards.Fit(two, new CoxOptions { CovariateNames = ["a"] }));
        Refused("options", "Covariate name 1 is null.", () => ProportionalHazards.Fit(two, new CoxOptions { CovariateNames = ["a", null!] }));
        Refused("options", "Covariate name 1 is empty or white space.", () => ProportionalHazards.Fit(two, new CoxOptions { CovariateNames = ["a", " "] }));
        Refused("options", "Covariate name 1 repeats name 0.", () => ProportionalHazards.Fit(two, new CoxOptions { CovariateNames = ["a", "a"] }));
    }

    // ---- Linear predictors: R centres a covariate unless its values are all −1, 0 or 1 -------------------------------

    /// <summary>
    /// R's <c>linear.predictors</c>: xβ less β·mean for each covariate R centres, none for one whose values are all −1, 0
    /// or 1 (R's <c>nocenter</c>): here <c>x1</c> (−1, 0, 1) is left as it is and <c>x2</c>, which is 2 only on the last
    /// records of the walk, is centred.
    /// </summary>
    [Fact]
    public void LinearPredictors_CentreOnlyTheCovariatesWithAValueOtherThanMinus1_0Or1()
    {
        CoxFit fit = ProportionalHazards.Fit(TwoCovariates);
        double b1 = fit.Coefficients[0].Estimate;
        double b2 = fit.Coefficients[1].Estimate;
        Assert.True(Math.Abs(b1) > 0.05 && Math.Abs(b2) > 0.05, "Both coefficients should matter.");
        double mean2 = TwoCovariates.Average(r => r.Covariates[1]);

        double[] actual = fit.LinearPredictors.ToArray();
        Assert.Equal(TwoCovariates.Length, actual.Length);
        for (int position = 0; position < actual.Length; position++)
        {
            CoxRecord record = TwoCovariates[fit.Data.Record[position]];
            double expected = (record.Covariates[0] * b1) + (record.Covariates[1] * b2) - (b2 * mean2);
            Assert.True(Math.Abs(expected - actual[position]) < 1e-12, $"lp at {position}: {actual[position]}, not {expected}");
        }
    }

    /// <summary>The same rule over generated data: each linear predictor is xβ less β·mean over the covariates R centres.</summary>
    [Property(MaxTest = 1000)]
    public Property LinearPredictors_AreXBetaLessTheCentredMeans() =>
        Prop.ForAll(Arb.From(CoxGenerators.AnyLists()), records =>
        {
            CoxFit fit = ProportionalHazards.Fit(records);
            if (fit.Coefficients.Any(c => c.IsAliased))
            {
                return;
            }

            int p = records[0].Covariates.Length;
            double[] beta = [.. fit.Coefficients.Select(c => c.Estimate)];
            double offset = 0;
            for (int k = 0; k < p; k++)
            {
                if (records.Any(r => r.Covariates[k] is not (-1 or 0 or 1)))
                {
                    offset += beta[k] * records.Average(r => r.Covariates[k]);
                }
            }

            ReadOnlySpan<double> lp = fit.LinearPredictors;
            for (int position = 0; position < lp.Length; position++)
            {
                CoxRecord record = records[fit.Data.Record[position]];
                double sum = Enumerable.Range(0, p).Sum(k => record.Covariates[k] * beta[k]);
                Assert.True(Math.Abs(lp[position] - (sum - offset)) <= 1e-9 * (1 + Math.Abs(sum) + Math.Abs(offset)), $"lp at {position}");
            }
        });

    // ---- Aliased covariates -------------------------------------------------------------------------------------------

    /// <summary>A covariate that never varies is aliased even when it comes first; the one after it that varies is not.</summary>
    [Fact]
    public void AConstantFirstCovariate_IsAliased_AndTheNextIsNot()
    {
        CoxFit fit = ProportionalHazards.Fit(WithConstantFirst());

        Assert.Equal([true, false], fit.Coefficients.Select(c => c.IsAliased));
        Assert.Equal(1, fit.LikelihoodRatioTest.DegreesOfFreedom);
    }

    /// <summary>An aliased coefficient's robust standard error is null without a robust variance and NaN with one.</summary>
    [Fact]
    public void AnAliasedCoefficient_HasARobustStandardError_OnlyWhenTheFitIsRobust()
    {
        CoxCoefficient plain = ProportionalHazards.Fit(WithConstantFirst()).Coefficients[0];
        CoxCoefficient robust = ProportionalHazards.Fit(WithConstantFirst(), new CoxOptions { Robust = true }).Coefficients[0];

        Assert.True(plain.IsAliased && robust.IsAliased);
        Assert.Null(plain.RobustStandardError);
        Assert.True(robust.RobustStandardError is double se && double.IsNaN(se));
    }

    /// <summary>
    /// With every covariate aliased there are 0 degrees of freedom: the tests are 0 on 0 df with p = 1, and a robust fit has no
    /// robust score test.
    /// </summary>
    [Fact]
    public void EveryCovariateAliased_GivesTestsOf0On0Df_AndNoRobustScoreTest()
    {
        CoxRecord[] constant = [.. Gentle.Select(r => new CoxRecord(r.Stop, r.IsEvent, [1.0]))];

        CoxFit fit = ProportionalHazards.Fit(constant, new CoxOptions { Robust = true });

        Assert.True(fit.Coefficients.Single().IsAliased);
        Assert.Null(fit.RobustScoreTest);
        Assert.Equal(new CoxTest(0, 0, 1), fit.LikelihoodRatioTest);
        Assert.Equal(new CoxTest(0, 0, 1), fit.WaldTest);
        Assert.Equal(new CoxTest(0, 0, 1), fit.ScoreTest);
    }

    /// <summary>Two aliased covariates are listed as R lists them: numbers separated by spaces, names by a comma and a space.</summary>
    [Fact]
    public void TwoAliasedCovariates_AreListedInOneWarning()
    {
        CoxRecord[] copies = [.. Gentle.Select(r => new CoxRecord(r.Stop, r.IsEvent, [r.Covariates[0], r.Covariates[0], r.Covariates[0]]))];

        CoxFit fit = ProportionalHazards.Fit(copies, new CoxOptions { CovariateNames = ["a", "b", "c"] });

        Assert.Equal(
            "X matrix deemed to be singular; variable 2 3 (b, c): the covariate does not vary within the risk sets, or is a linear combination of others; it has no coefficient (R's NA) and is left out of the tests.",
            Assert.Single(fit.Warnings));
    }

    // ---- Coefficients that may be infinite -----------------------------------------------------------------------------

    /// <summary>
    /// R's infcox test: every exit has x1 = 0 and x2 = 0, so both coefficients run off to −∞; the warning lists both numbers
    /// separated by a comma alone (R's <c>paste(collapse = ",")</c>) and both names by a comma and a space.
    /// </summary>
    [Fact]
    public void TwoCoefficientsThatMayBeInfinite_AreListedInOneWarning()
    {
        CoxRecord[] records = [.. Enumerable.Range(1, 12).Select(t => new CoxRecord(t, t is 1 or 3 or 5, [t % 2 == 0 ? 1.0 : 0.0, t > 6 ? 1.0 : 0.0]))];

        CoxFit fit = ProportionalHazards.Fit(records, new CoxOptions { MaxIterations = 40 });

        Assert.True(fit.Converged);
        Assert.Equal([true, true], fit.Coefficients.Select(c => c.MayBeInfinite));
        Assert.Equal("Loglik converged before variable 1,2 (x1, x2); coefficient may be infinite.", Assert.Single(fit.Warnings));
    }

    /// <summary>
    /// The next Newton step of each coefficient is u·V's column for it (the whole score against the whole variance): with
    /// the separating covariate second, it alone is flagged.
    /// </summary>
    [Fact]
    public void TheSeparatingCovariate_IsFlagged_WhereverItStands()
    {
        CoxRecord[] swapped = [.. SeparationRight().Select(r => new CoxRecord(r.Stop, r.IsEvent, [r.Covariates[1], r.Covariates[0]]))];

        CoxFit fit = ProportionalHazards.Fit(swapped, new CoxOptions { MaxIterations = 40 });

        Assert.True(fit.Converged);
        Assert.Equal([false, true], fit.Coefficients.Select(c => c.MayBeInfinite));
    }

    /// <summary>
    /// On right-censored data (R's <c>coxph.fit</c>) a coefficient is flagged only when its next step is beyond both the
    /// convergence tolerance and toler.inf·|β|: a tolerance of 0.2 for infinite coefficients, 0.2·21.6 for the separating
    /// one, lets its step of about 1 pass; the default, √1e-9, does not.
    /// </summary>
    [Fact]
    public void RightCensored_AStepWithinToleranceTimesBeta_IsNotFlagged()
    {
        CoxRecord[] records = SeparationRight();

        CoxFit flagged = ProportionalHazards.Fit(records, new CoxOptions { MaxIterations = 40 });
        CoxFit lenient = ProportionalHazards.Fit(records, new CoxOptions { MaxIterations = 40, InfiniteCoefficientTolerance = 0.2 });

        Assert.True(flagged.Converged && lenient.Converged);
        Assert.True(flagged.Coefficients[0].Estimate > 15, "The data should separate on the first covariate.");
        Assert.Equal([true, false], flagged.Coefficients.Select(c => c.MayBeInfinite));
        Assert.Equal([false, false], lenient.Coefficients.Select(c => c.MayBeInfinite));
        Assert.Empty(lenient.Warnings);
    }

    /// <summary>
    /// The two rules R has: with a tolerance for infinite coefficients near 0 and a loose convergence tolerance (0.5), on
    /// right-censored data a step within the convergence tolerance is not flagged (<c>coxph.fit</c>: step &gt; eps and
    /// step &gt; toler.inf·|β|); on counting-process data the same fit is flagged, for <c>agreg.fit</c> asks only step &gt;
    /// toler.inf·(1 + |β|).
    /// </summary>
    [Fact]
    public void TheRuleForInfiniteCoefficients_IsCoxphFitsForRightCensoredData_AndAgregFitsOtherwise()
    {
        CoxOptions options = new() { Tolerance = 0.5, InfiniteCoefficientTolerance = 1e-300 };
        CoxRecord[] delayed = [.. Gentle.Select(r => new CoxRecord(-1, r.Stop, r.IsEvent, r.Covariates))];

        CoxFit right = ProportionalHazards.Fit(Gentle, options);
        CoxFit counting = ProportionalHazards.Fit(delayed, options);

        Assert.True(right.Converged && counting.Converged);
        Assert.False(right.Coefficients.Single().MayBeInfinite);
        Assert.True(counting.Coefficients.Single().MayBeInfinite);
    }

    /// <summary>R's rule is strict: a step exactly toler.inf·|β| is not beyond it, so the coefficient is not flagged.</summary>
    [Fact]
    public void AStepOfExactlyToleranceTimesBeta_IsNotFlagged()
    {
        CoxRecord[] records = SeparationRight();
        CoxOptions options = new() { MaxIterations = 40 };
        double step = NextStep(records, options, 0);
        double beta = Math.Abs(ProportionalHazards.Fit(records, options).Coefficients[0].Estimate);
        double? exact = Neighbours(step / beta).Cast<double?>().FirstOrDefault(t => t * beta == step);
        Assert.True(exact is not null, "Some tolerance times |β| should be the step exactly.");
        Assert.True(step > options.Tolerance);

        CoxFit fit = ProportionalHazards.Fit(records, options with { InfiniteCoefficientTolerance = exact });

        Assert.False(fit.Coefficients[0].MayBeInfinite);
    }

    /// <summary>
    /// R's rule is strict for the convergence tolerance too: on right-censored data a step exactly the tolerance is not
    /// beyond it. The tolerance is chosen as a fit's own next step, where the fit with it converges at the same iteration.
    /// </summary>
    [Fact]
    public void RightCensored_AStepOfExactlyTheTolerance_IsNotFlagged()
    {
        CoxOptions? found = null;
        double[] tolerances = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];
        foreach (double tolerance in tolerances)
        {
            double step = NextStep(Gentle, new CoxOptions { Tolerance = tolerance }, 0);
            CoxOptions candidate = new() { Tolerance = step, InfiniteCoefficientTolerance = 1e-300 };
            if (step is > 0 and < 1 && NextStep(Gentle, candidate, 0) == step)
            {
                found = candidate;
                break;
            }
        }

        Assert.NotNull(found);
        CoxFit fit = ProportionalHazards.Fit(Gentle, found);

        Assert.True(fit.Converged);
        Assert.False(fit.Coefficients.Single().MayBeInfinite);
    }

    /// <summary>
    /// Out of iterations on right-censored data with a linear predictor above 500 (the largest, not the smallest), the fit
    /// adds R's "One or more coefficients may be infinite." One exit among 601, of the only record with x = 1: the first
    /// Newton step takes β to about 601.
    /// </summary>
    [Fact]
    public void RanOut_WithALinearPredictorAbove500_WarnsThatACoefficientMayBeInfinite()
    {
        CoxRecord[] records = [new(1, true, [1.0]), .. Enumerable.Repeat(new CoxRecord(2, false, [0.0]), 600)];
        CoxRecord[] delayed = [.. records.Select(r => new CoxRecord(-1, r.Stop, r.IsEvent, r.Covariates))];
        CoxOptions options = new() { MaxIterations = 2 };

        CoxFit fit = ProportionalHazards.Fit(records, options);
        CoxFit counting = ProportionalHazards.Fit(delayed, options);

        Assert.False(fit.Converged);
        Assert.True(fit.LinearPredictors.ToArray().Max() > 500);
        Assert.Contains("Ran out of iterations and did not converge.", fit.Warnings);
        Assert.Contains("One or more coefficients may be infinite.", fit.Warnings);
        Assert.DoesNotContain("One or more coefficients may be infinite.", counting.Warnings);
    }

    // ---- The test of proportional hazards -------------------------------------------------------------------------------

    /// <summary>The table lists the terms in the fit's order and the global test last, as R prints it.</summary>
    [Fact]
    public void TheTestOfProportionalHazards_ListsTheGlobalTestLast()
    {
        ProportionalHazardsTest test = ProportionalHazards.Fit(TwoCovariates).TestProportionalHazards();

        string[] lines = test.ToString().Split(Environment.NewLine);

        Assert.Equal(["x1", "x2", "GLOBAL"], lines.Select(line => line.Split(' ')[0]));
    }

    // ---- The hash of a record --------------------------------------------------------------------------------------------

    /// <summary>
    /// The hash is "over every member": records that differ only in one member (start, stop, event, stratum, cluster or a
    /// covariate value) do not all hash alike.
    /// </summary>
    [Fact]
    public void TheHash_DependsOnEveryMember()
    {
        IEnumerable<int> range = Enumerable.Range(0, 64);
        Assert.True(range.Select(i => new CoxRecord(-i, 5, true, [0.5, 2.0], "s", "c").GetHashCode()).Distinct().Count() > 1, "start");
        Assert.True(range.Select(i => new CoxRecord(1, 6 + i, true, [0.5, 2.0], "s", "c").GetHashCode()).Distinct().Count() > 1, "stop");
        Assert.Contains(range, i => new CoxRecord(1, 5 + i, true, [0.5], "s", "c").GetHashCode() != new CoxRecord(1, 5 + i, false, [0.5], "s", "c").GetHashCode());
        Assert.True(range.Select(i => new CoxRecord(1, 5, true, [0.5, 2.0], "s" + i.ToString(CultureInfo.InvariantCulture), "c").GetHashCode()).Distinct().Count() > 1, "stratum");
        Assert.True(range.Select(i => new CoxRecord(1, 5, true, [0.5, 2.0], "s", "c" + i.ToString(CultureInfo.InvariantCulture)).GetHashCode()).Distinct().Count() > 1, "cluster");
        Assert.True(range.Select(i => new CoxRecord(1, 5, true, [0.5, i], "s", "c").GetHashCode()).Distinct().Count() > 1, "covariates");
    }

    // ---- Tenure covariates: the steps of a spell -----------------------------------------------------------------------

    /// <summary>Null steps are refused at once, naming <c>steps</c>; steps that come back null for a spell are refused in words.</summary>
    [Fact]
    public void Changing_NullSteps_AreRefused()
    {
        Assert.Throws<ArgumentNullException>("steps", () => TenureCovariate.Changing("band", null!));
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>("steps", () => Steps(TenureCovariate.Changing("band", _ => null!), Year2020));
        Assert.Equal(new ArgumentNullException("steps", "The steps of a spell are null.").Message, thrown.Message);
    }

    /// <summary>Two steps on one date are refused however far apart the caller lists them.</summary>
    [Fact]
    public void Changing_TwoStepsOnOneDate_AreRefused_EvenApartInTheList()
    {
        TenureCovariate twice = TenureCovariate.Changing("band", _ => [(new LocalDate(2020, 3, 1), 1), (new LocalDate(2020, 6, 1), 2), (new LocalDate(2020, 3, 1), 3)]);

        Refused("steps", "A covariate has at most one step a date.", () => Steps(twice, Year2020));
    }

    /// <summary>Steps in any order: the first value is the latest step on or before the first day, and the rest follow in date order.</summary>
    [Fact]
    public void Changing_StepsOutOfOrder_AreTakenInDateOrder()
    {
        TenureCovariate steps = TenureCovariate.Changing(
            "band",
            _ => [(new LocalDate(2020, 9, 1), 3), (new LocalDate(2019, 6, 1), 5), (new LocalDate(2019, 1, 1), 2), (new LocalDate(2020, 3, 1), 1)]);

        Assert.Equal([(Year2020.Start, 5.0), (new LocalDate(2020, 3, 1), 1.0), (new LocalDate(2020, 9, 1), 3.0)], Steps(steps, Year2020));
    }

    /// <summary>A step on the first day sets the first value, once; a step on the last day is a step; steps outside the spell are not.</summary>
    [Fact]
    public void Changing_StepsOnTheFirstAndLastDays_AndOutside()
    {
        Assert.Equal([(Year2020.Start, 7.0)], Steps(TenureCovariate.Changing("band", _ => [(Year2020.Start, 7)]), Year2020));
        Assert.Equal([(Year2020.Start, 0.0), (Year2020.End, 4.0)], Steps(TenureCovariate.Changing("band", _ => [(Year2020.End, 4)]), Year2020));
        Assert.Equal(
            [(Year2020.Start, 2.0)],
            Steps(TenureCovariate.Changing("band", _ => [(new LocalDate(2019, 6, 1), 2), (new LocalDate(2021, 1, 1), 9)]), Year2020));
    }

    /// <summary>A step on a spell's first day through the records: the tenure starts under it; without it, at 0.</summary>
    [Fact]
    public void Changing_AStepOnTheFirstDay_AppliesFromTheStart_InTheRecords()
    {
        Appointment[] appointments = [new("A", "h1", new LocalDate(2020, 1, 1), new LocalDate(2020, 6, 30), AppointmentKind.Permanent)];

        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(appointments, Year2020, [TenureCovariate.Changing("band", _ => [(new LocalDate(2020, 1, 1), 7)])]);

        Assert.Equal([new CoxRecord(0, 182, true, [7], null, "h1")], records.ToArray());
    }

    /// <summary><see cref="TenureCovariate.RecentJudgement"/> refuses null judgements and periods, and an undefined grade, naming each, and says what a period must be.</summary>
    [Fact]
    public void RecentJudgement_BadArguments_AreRefused()
    {
        Assert.Throws<ArgumentNullException>("judgements", () => TenureCovariate.RecentJudgement("r", null!, OfstedGrade.Inadequate, Period.FromMonths(12)));
        Assert.Throws<ArgumentOutOfRangeException>("grade", () => TenureCovariate.RecentJudgement("r", OfstedJudgements.Empty, (OfstedGrade)9, Period.FromMonths(12)));
        Assert.Throws<ArgumentNullException>("within", () => TenureCovariate.RecentJudgement("r", OfstedJudgements.Empty, OfstedGrade.Inadequate, null!));
        Refused("within", "The period must be positive, in years, months, weeks or days.", () => TenureCovariate.RecentJudgement("r", OfstedJudgements.Empty, OfstedGrade.Inadequate, Period.Zero));
    }

    /// <summary>A judgement published on a spell's last day switches the covariate on that day.</summary>
    [Fact]
    public void RecentJudgement_OnTheLastDay_SwitchesOnThatDay() =>
        Assert.Equal([(Year2020.Start, 0.0), (Year2020.End, 1.0)], Steps(Recent(Year2020.End), Year2020));

    /// <summary>A judgement on the first day is on from the start, once; a window that closes on the first day is off from the start, once.</summary>
    [Fact]
    public void RecentJudgement_WindowsThatOpenOrCloseOnTheFirstDay()
    {
        Assert.Equal([(Year2020.Start, 1.0), (new LocalDate(2020, 2, 1), 0.0)], Steps(Recent(Year2020.Start), Year2020));
        Assert.Equal([(Year2020.Start, 0.0)], Steps(Recent(new LocalDate(2019, 12, 1)), Year2020));
    }

    /// <summary>A judgement on the very day the last window closes extends it: one window, on once and off once.</summary>
    [Fact]
    public void RecentJudgement_OnTheDayTheLastWindowCloses_ExtendsIt() =>
        Assert.Equal(
            [(Year2020.Start, 0.0), (new LocalDate(2020, 3, 1), 1.0), (new LocalDate(2020, 5, 1), 0.0)],
            Steps(Recent(new LocalDate(2020, 3, 1), new LocalDate(2020, 4, 1)), Year2020));

    /// <summary>A judgement published on a spell's first day gives the first value, once.</summary>
    [Fact]
    public void CurrentGrade_AJudgementOnTheFirstDay_GivesTheFirstValueOnce()
    {
        OfstedJudgements judgements = new([new OfstedJudgement("A", Year2020.Start, OfstedGrade.Inadequate), new OfstedJudgement("A", new LocalDate(2020, 7, 1), OfstedGrade.Good)]);

        Assert.Equal(
            [(Year2020.Start, 1.0), (new LocalDate(2020, 7, 1), 0.0)],
            Steps(TenureCovariate.CurrentGrade("rated", judgements, OfstedGrade.Inadequate), Year2020));
    }

    /// <summary>A value that is not finite is refused, naming the covariate.</summary>
    [Fact]
    public void AValueThatIsNotFinite_IsRefused_NamingTheCovariate() =>
        Refused("spell", "The covariate 'nan' has a value that is not finite.", () => Steps(TenureCovariate.Fixed("nan", _ => double.NaN), Year2020));

    // ---- Helpers ----------------------------------------------------------------------------------------------------------

    /// <summary>Asserts that <paramref name="act"/> throws <see cref="ArgumentException"/> itself, naming <paramref name="parameter"/>, with <paramref name="message"/>.</summary>
    private static void Refused(string parameter, string message, Func<object> act)
    {
        ArgumentException thrown = Assert.Throws<ArgumentException>(parameter, act);
        Assert.Equal(new ArgumentException(message, parameter).Message, thrown.Message);
    }

    /// <summary><see cref="Gentle"/> with a first covariate that is 1 for everyone.</summary>
    private static CoxRecord[] WithConstantFirst() => [.. Gentle.Select(r => new CoxRecord(r.Stop, r.IsEvent, [1.0, r.Covariates[0]]))];

    /// <summary>R's <c>separationright</c> data set (make-cox-golden.R): every exit is of an acting DCS; covariates acting and age.</summary>
    private static CoxRecord[] SeparationRight() => [.. CoxGolden.Records("separationright", ["acting", "age"], string.Empty, string.Empty)];

    /// <summary>The next Newton step |u·V| of covariate <paramref name="j"/> at the fit's estimate, worked out as the fit works it out.</summary>
    private static double NextStep(CoxRecord[] records, CoxOptions options, int j)
    {
        CoxData data = CoxData.From(records, nameof(records));
        CoxIterations fit = new CoxNewtonRaphson(data, options.Ties).Run(options.MaxIterations, options.Tolerance, options.SingularityTolerance);
        Assert.False(fit.RanOut);
        return ProportionalHazards.NextSteps(fit, data.Width)[j];
    }

    /// <summary><paramref name="value"/> and the four doubles either side of it.</summary>
    private static IEnumerable<double> Neighbours(double value)
    {
        double down = value;
        double up = value;
        yield return value;
        for (int i = 0; i < 4; i++)
        {
            down = Math.BitDecrement(down);
            up = Math.BitIncrement(up);
            yield return down;
            yield return up;
        }
    }

    /// <summary>"An inadequate judgement of authority A in the last month", from judgements of A on <paramref name="dates"/>.</summary>
    private static TenureCovariate Recent(params LocalDate[] dates) =>
        TenureCovariate.RecentJudgement("recent", new OfstedJudgements(dates.Select(d => new OfstedJudgement("A", d, OfstedGrade.Inadequate))), OfstedGrade.Inadequate, Period.FromMonths(1));

    /// <summary>The steps <paramref name="covariate"/> gives a spell of authority A over <paramref name="days"/>.</summary>
    private static (LocalDate From, double Value)[] Steps(TenureCovariate covariate, DateInterval days)
    {
        HolderSpell spell = new("A", "h1", days.Start, days.End, AppointmentKind.Permanent, days.Start);
        List<(LocalDate From, double Value)> into = [];
        covariate.AddSteps(spell, days, into);
        return [.. into];
    }
}
