using System;
using System.Collections.Generic;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce.Oracle;

/// <summary>
/// The test oracle for <see cref="CumulativeIncidence"/>: R's <c>survfitci.c</c> (survival 3.5-3) transcribed as it is,
/// with one influence row per record (each record its own subject), multiplied by the transition matrix at every exit
/// time. It takes records × times × states², which is why the library does not work this way.
/// </summary>
internal static class DirectAalenJohansen
{
    /// <summary>The probabilities and standard errors of every state (0 in post, then the reasons in order) at each distinct exit time.</summary>
    public static List<(double Time, double[] Probability, double[] StandardError)> Estimate(IReadOnlyList<CompetingRiskRecord> records, IReadOnlyList<string> reasons)
    {
        int n = records.Count;
        int states = reasons.Count + 1;
        int[] status = [.. records.Select(r => r.IsCensored ? 0 : 1 + reasons.ToList().IndexOf(r.Reason!))];
        double[] p = new double[states];
        p[0] = 1;
        double[,] u = new double[n, states];
        List<(double, double[], double[])> rows = [];
        foreach (double time in records.Select(r => r.Exit).Distinct().Order())
        {
            int[] atRisk = [.. Enumerable.Range(0, n).Where(i => records[i].Entry < time && time <= records[i].Exit)];
            double ws = atRisk.Length;
            double[,] h = new double[states, states];
            double events = 0;
            foreach (int i in atRisk.Where(i => records[i].Exit == time && status[i] > 0))
            {
                h[0, status[i]] += 1;
                events += 1;
            }

            if (events > 0)
            {
                for (int k = 0; k < states; k++)
                {
                    h[0, k] /= ws;
                }

                h[0, 0] = 1 - (events / ws);
                for (int j = 1; j < states; j++)
                {
                    h[j, j] = 1;
                }

                // U = U %*% H, then the dH term for those at risk.
                double[] row = new double[states];
                for (int i = 0; i < n; i++)
                {
                    for (int k = 0; k < states; k++)
                    {
                        row[k] = 0;
                        for (int kk = 0; kk < states; kk++)
                        {
                            row[k] += u[i, kk] * h[kk, k];
                        }
                    }

                    for (int k = 0; k < states; k++)
                    {
                        u[i, k] = row[k];
                    }
                }

                foreach (int i in atRisk)
                {
                    int next = records[i].Exit == time ? status[i] : 0;
                    for (int k = 0; k < states; k++)
                    {
                        u[i, k] -= h[0, k] * p[0] / ws;
                    }

                    u[i, next] += p[0] / ws;
                }

                double[] moved = new double[states];
                for (int j = 0; j < states; j++)
                {
                    for (int k = 0; k < states; k++)
                    {
                        moved[j] += p[k] * h[k, j];
                    }
                }

                p = moved;
            }

            double[] se = new double[states];
            for (int j = 0; j < states; j++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += u[i, j] * u[i, j];
                }

                se[j] = Math.Sqrt(sum);
            }

            rows.Add((time, [.. p], se));
        }

        return rows;
    }
}
