namespace Upon.Core.Workforce;

/// <summary>
/// The distribution functions the survival estimates need: the standard normal quantile (for
/// confidence limits) and the upper tail of the chi-square distribution (for the log-rank test).
/// </summary>
internal static class SurvivalMath
{
    /// <summary>The largest confidence level accepted: it keeps the normal quantile within the range where the approximation below is exact to double precision.</summary>
    public const double MaximumConfidenceLevel = 0.999999;

    /// <summary>Checks a confidence level and returns the two-sided normal quantile for it.</summary>
    public static double TwoSidedZ(double level, string paramName)
    {
        Guard.Against.OutOfRange(!(level > 0 && level <= MaximumConfidenceLevel), $"The confidence level must be above 0 and at most {MaximumConfidenceLevel}.", paramName);

        return NormalQuantile(1 - ((1 - level) / 2));
    }

    /// <summary>
    /// The standard normal quantile for <paramref name="p"/> in [0.5 - 0.5e-6, 1 - 0.5e-6]: Wichura's
    /// algorithm AS 241 (Applied Statistics 37, 1988), the one R's <c>qnorm</c> uses, in its central
    /// and intermediate regions.
    /// </summary>
    public static double NormalQuantile(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - (q * q);
            double num = (((((((((((((2509.0809287301226727 * r) + 33430.575583588128105) * r) + 67265.770927008700853) * r)
                + 45921.953931549871457) * r) + 13731.693765509461125) * r) + 1971.5909503065514427) * r) + 133.14166789178437745) * r)
                + 3.387132872796366608;
            double den = (((((((((((((5226.495278852854561 * r) + 28729.085735721942674) * r) + 39307.89580009271061) * r)
                + 21213.794301586595867) * r) + 5394.1960214247511077) * r) + 687.1870074920579083) * r) + 42.313330701600911252) * r)
                + 1.0;
            return q * num / den;
        }

        double tail = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p)) - 1.6;
        double upper = (((((((((((((7.7454501427834140764e-4 * tail) + 0.0227238449892691845833) * tail) + 0.24178072517745061177) * tail)
            + 1.27045825245236838258) * tail) + 3.64784832476320460504) * tail) + 5.7694972214606914055) * tail) + 4.6303378461565452959) * tail)
            + 1.42343711074968357734;
        double lower = (((((((((((((1.05075007164441684324e-9 * tail) + 5.475938084995344946e-4) * tail) + 0.0151986665636164571966) * tail)
            + 0.14810397642748007459) * tail) + 0.68976733498510000455) * tail) + 1.6763848301838038494) * tail) + 2.05319162663775882187) * tail)
            + 1.0;
        double value = upper / lower;
        return q < 0 ? -value : value;
    }

    /// <summary>The probability that a chi-square variable with <paramref name="degreesOfFreedom"/> exceeds <paramref name="x"/>.</summary>
    public static double ChiSquareUpperTail(double x, int degreesOfFreedom)
    {
        if (x <= 0)
        {
            return 1.0;
        }

        return RegularizedUpperGamma(degreesOfFreedom / 2.0, x / 2.0);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, a continued fraction above (modified Lentz).</summary>
    private static double RegularizedUpperGamma(double a, double x)
    {
        double logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * 1e-17)
                {
                    break;
                }
            }

            return 1.0 - (sum * Math.Exp(logPrefix));
        }

        const double Tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / Tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-17)
            {
                break;
            }
        }

        return Math.Exp(logPrefix) * h;
    }

    /// <summary>The natural logarithm of the gamma function for positive <paramref name="x"/> (Lanczos, g = 7, 9 terms; relative error below 1e-15).</summary>
    private static double LogGamma(double x)
    {
        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7,
        ];

        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        double sum = coefficients[0];
        double t = x + 7.5;
        for (int i = 1; i < coefficients.Length; i++)
        {
            sum += coefficients[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
