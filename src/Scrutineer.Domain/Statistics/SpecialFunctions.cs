namespace Scrutineer.Domain.Statistics;

/// <summary>Log-gamma and the regularised incomplete beta function, for exact binomial tails.</summary>
internal static class SpecialFunctions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7; relative error about 1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var a = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++)
        {
            a += Lanczos[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }

    /// <summary>I_x(a, b), the regularised incomplete beta function, for a, b &gt; 0 and 0 ≤ x ≤ 1.</summary>
    public static double IncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - (front * ContinuedFraction(b, a, 1 - x) / b);
    }

    // Lentz's method for the continued fraction of I_x(a, b) (Numerical Recipes, betacf).
    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        const double epsilon = 1e-15;
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var h = d;
        var maxIterations = 200 + (int)Math.Min(1_000_000, 10 * Math.Sqrt(Math.Max(a, b)));
        for (var m = 1; m <= maxIterations; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < epsilon)
            {
                return h;
            }
        }

        return h;
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, 1/2), exactly (to double precision).</summary>
    public static double BinomialHalfCdf(long k, long n)
    {
        if (k < 0)
        {
            return 0;
        }

        if (k >= n)
        {
            return 1;
        }

        if (n <= 1000)
        {
            // Direct sum of the probability mass in log space: exact and cheap for small n.
            var logHalfN = n * Math.Log(0.5);
            var logNFact = LogGamma(n + 1);
            var sum = 0.0;
            for (var i = 0L; i <= k; i++)
            {
                sum += Math.Exp(logNFact - LogGamma(i + 1) - LogGamma(n - i + 1) + logHalfN);
            }

            return Math.Min(1, sum);
        }

        return IncompleteBeta(n - k, k + 1, 0.5);
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p), 0 &lt; p &lt; 1, exactly (to double precision).</summary>
    public static double BinomialCdf(long k, long n, double p)
    {
        if (k < 0)
        {
            return 0;
        }

        if (k >= n)
        {
            return 1;
        }

        if (n <= 1000)
        {
            var logNFact = LogGamma(n + 1);
            var (logP, logQ) = (Math.Log(p), Math.Log(1 - p));
            var sum = 0.0;
            for (var i = 0L; i <= k; i++)
            {
                sum += Math.Exp(logNFact - LogGamma(i + 1) - LogGamma(n - i + 1) + (i * logP) + ((n - i) * logQ));
            }

            return Math.Min(1, sum);
        }

        return IncompleteBeta(n - k, k + 1, 1 - p);
    }
}
