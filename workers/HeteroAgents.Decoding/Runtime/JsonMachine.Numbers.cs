namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// The number lexer, with exact checks of bounds, multipleOf, integers and value sets at the end of the number.
/// Every number it accepts parses to a finite double: at most <see cref="JsonSchemaCompilerOptions.MaxNumberDigits"/>
/// digits before the exponent, at most 6 exponent digits, an exponent of at most <see cref="JsonSchemaCompilerOptions.MaxNumberExponent"/>, and a
/// magnitude of at most <see cref="double.MaxValue"/> (checked on the exponent as it is written, exactly at the end).
/// </summary>
internal sealed partial class JsonMachine
{
    internal const int NumConsumed = 0, NumRejected = 1, NumEnded = 2;
    private const int FlagNegative = 1, FlagTruncated = 2, FlagExpNegative = 4, FlagSignificant = 8;
    private const int MaxSignificant = 18;
    private const int MaxMagnitude = 309;
    private const int MaxExponentDigits = 6;
    private static readonly ExactNumber s_maxDouble = new(System.Numerics.BigInteger.Parse("17976931348623157", System.Globalization.CultureInfo.InvariantCulture), 292);

    private static readonly Int128[] s_pow10 = Enumerable.Range(0, 20).Select(i => Int128.Parse("1" + new string('0', i), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    // States: 0 start, 1 after '-', 2 after leading 0, 3 integer digits, 4 after '.', 5 fraction digits,
    // 6 after 'e', 7 after exponent sign, 8 exponent digits. Fields: A flags, B fraction digits, C mantissa (first
    // 18 significant digits), D significant digits kept, E exponent, N digits written, W magnitude (integer digits,
    // or minus the leading zeros of the fraction when the integer part is 0).
    internal int StepNumber(ref Frame n, int b)
    {
        var spec = _numbers[n.Spec];
        var isDigit = b is >= '0' and <= '9';
        switch (n.State)
        {
            case 0:
                if (b == '-')
                {
                    n.State = 1;
                    n.A |= FlagNegative;
                    return Feasible(ref n, spec) ? NumConsumed : NumRejected;
                }

                goto case 1;
            case 1:
                if (!isDigit)
                {
                    return NumRejected;
                }

                n.State = b == '0' ? 2 : 3;
                n.N = 1;
                n.W = b == '0' ? 0 : 1;
                Digit(ref n, b - '0');
                return Feasible(ref n, spec) ? NumConsumed : NumRejected;
            case 2 or 3 or 5:
                if (isDigit && n.State != 2)
                {
                    return MoreDigit(ref n, spec, b - '0');
                }

                if (b == '.' && n.State != 5)
                {
                    n.State = 4;
                    return NumConsumed;
                }

                if (b is 'e' or 'E' && spec.AllowsExponent)
                {
                    n.State = 6;
                    return NumConsumed;
                }

                return NumEnded;
            case 4:
                if (!isDigit)
                {
                    return NumRejected;
                }

                n.State = 5;
                return MoreDigit(ref n, spec, b - '0');
            case 6:
                if (b is '+' or '-')
                {
                    n.State = 7;
                    n.A |= b == '-' ? FlagExpNegative : 0;
                    return NumConsumed;
                }

                return ExponentDigit(ref n, b, isDigit);
            case 7 or 8:
                return ExponentDigit(ref n, b, isDigit);
            default:
                return NumRejected;
        }
    }

    private int ExponentDigit(ref Frame n, int b, bool isDigit)
    {
        if (!isDigit)
        {
            return n.State == 8 ? NumEnded : NumRejected;
        }

        n.State = 8;
        n.E = (n.E * 10) + (b - '0');
        return ++n.N <= _maxNumberDigits + MaxExponentDigits && ExponentOk(n) ? NumConsumed : NumRejected;
    }

    /// <summary>A digit after the first, in the integer part (state 3) or the fraction (state 5).</summary>
    private int MoreDigit(ref Frame n, Grammar.NumberSpec spec, int d)
    {
        if (n.N >= _maxNumberDigits)
        {
            return NumRejected;
        }

        n.N++;
        if (n.State == 5)
        {
            n.B++;
            if (spec.IntegerOnly && d != 0)
            {
                return NumRejected; // an integer's fraction digits can only be zeros
            }

            if ((n.A & FlagSignificant) == 0 && d == 0)
            {
                n.W--;
            }
        }
        else
        {
            n.W++;
        }

        Digit(ref n, d);
        return Feasible(ref n, spec) ? NumConsumed : NumRejected;
    }

    /// <summary>The exponent so far keeps the number finite and within the configured exponent bound.</summary>
    private bool ExponentOk(in Frame n)
    {
        if (n.E > _maxNumberExponent)
        {
            return false;
        }

        return (n.A & FlagExpNegative) != 0 || (n.A & FlagSignificant) == 0 || n.W + n.E <= MaxMagnitude;
    }

    private static void Digit(ref Frame n, int d)
    {
        if (n.C == 0 && d == 0)
        {
            return;
        }

        n.A |= FlagSignificant;
        if (n.D >= MaxSignificant)
        {
            if (d == 0)
            {
                n.B--; // a zero beyond the tracked digits scales the value exactly (B counts fraction digits)
            }
            else
            {
                n.A |= FlagTruncated;
            }

            return;
        }

        n.C = (n.C * 10) + d;
        n.D++;
    }

    private static bool Feasible(ref Frame n, Grammar.NumberSpec spec)
    {
        if (spec.Values is { } values && (n.A & FlagTruncated) == 0 && !values.Feasible((n.A & FlagNegative) != 0, n.C, (int)n.D))
        {
            return false;
        }

        return n.State > 3 || IntegerFeasible(ref n, spec);
    }

    /// <summary>For bounded integers: can the digits so far still complete to a value in range?</summary>
    private static bool IntegerFeasible(ref Frame n, Grammar.NumberSpec spec)
    {
        if (!spec.IntegerOnly || (spec.IntMin == long.MinValue && spec.IntMax == long.MaxValue))
        {
            return true;
        }

        var neg = (n.A & FlagNegative) != 0;
        if (n.State == 2)
        {
            return spec.IntMin <= 0 && spec.IntMax >= 0;
        }

        var digits = (int)n.D;
        if ((n.A & FlagTruncated) != 0 || n.B < 0)
        {
            return false; // beyond 18 digits, outside every long range
        }

        for (var k = digits == 0 ? 1 : 0; k + digits <= MaxSignificant; k++)
        {
            Int128 lo = n.C * s_pow10[k];
            var hi = lo + s_pow10[k] - 1;
            if (digits == 0)
            {
                lo = 0;
            }

            if (neg)
            {
                (lo, hi) = (-hi, -lo);
            }

            if (lo <= spec.IntMax && hi >= spec.IntMin)
            {
                return true;
            }
        }

        return false;
    }

    private bool FinishNumber(ref Frame n)
    {
        if (n.State is not (2 or 3 or 5 or 8))
        {
            return false;
        }

        var spec = _numbers[n.Spec];
        var exp = ((n.A & FlagExpNegative) != 0 ? -n.E : n.E) - n.B;
        var truncated = (n.A & FlagTruncated) != 0;
        if (spec.IntegerOnly && n.C != 0 && exp < 0)
        {
            // With an exponent the value may still be integral (15e-1 is not, 150e-1 is): decide exactly.
            if (truncated || -exp > MaxSignificant || n.C % (long)s_pow10[-exp] != 0)
            {
                return false;
            }
        }

        var negative = (n.A & FlagNegative) != 0;
        if ((n.A & FlagSignificant) != 0 && n.W + ((n.A & FlagExpNegative) != 0 ? -n.E : n.E) >= MaxMagnitude)
        {
            // Between 10^308 and 10^309: finite only up to double.MaxValue.
            if (truncated || ExactNumber.Compare(new ExactNumber(n.C, exp), s_maxDouble) > 0)
            {
                return false;
            }
        }

        if (spec.NonInteger && (n.C == 0 || exp >= 0 || truncated || (-exp <= MaxSignificant && n.C % (long)s_pow10[-exp] == 0)))
        {
            return false; // an integer (or, with digits beyond those tracked, possibly one)
        }

        if (!spec.TracksValue)
        {
            return true;
        }

        if (truncated)
        {
            return false; // beyond exact comparison: rejected rather than guessed
        }

        if (n.C == 0 || (exp >= -28 && exp <= 10))
        {
            return CheckValue(spec, DecimalOf(n.C, exp, negative));
        }

        var exact = new ExactNumber(negative ? -(System.Numerics.BigInteger)n.C : n.C, exp);
        if (spec.Values is not null)
        {
            return false; // enum values are decimals; this one is not
        }

        if (spec.Minimum is { } min && (ExactNumber.Compare(exact, ExactNumber.From(min)) is var c1 && (c1 < 0 || (c1 == 0 && spec.ExclusiveMinimum))))
        {
            return false;
        }

        if (spec.Maximum is { } max && (ExactNumber.Compare(exact, ExactNumber.From(max)) is var c2 && (c2 > 0 || (c2 == 0 && spec.ExclusiveMaximum))))
        {
            return false;
        }

        if (spec.NotMultipleOf.Any(nm => ExactNumber.IsMultiple(exact, ExactNumber.From(nm))))
        {
            return false;
        }

        return spec.MultipleOf is not { } m || ExactNumber.IsMultiple(exact, ExactNumber.From(m));
    }

    private static decimal DecimalOf(long mantissa, int exp, bool negative)
    {
        decimal value = mantissa == 0 ? 0
            : exp < 0 ? new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, false, (byte)-exp)
            : mantissa * (decimal)(long)s_pow10[exp];
        return negative ? -value : value;
    }

    private static bool CheckValue(Grammar.NumberSpec spec, decimal value)
    {
        if (spec.Values is { } values)
        {
            return Array.BinarySearch(values.Sorted, value) >= 0;
        }

        if (spec.Minimum is { } min && (value < min || (spec.ExclusiveMinimum && value == min)))
        {
            return false;
        }

        if (spec.Maximum is { } max && (value > max || (spec.ExclusiveMaximum && value == max)))
        {
            return false;
        }

        foreach (var nm in spec.NotMultipleOf)
        {
            if (value % nm == 0)
            {
                return false;
            }
        }

        if (Array.IndexOf(spec.NotValues, value) >= 0)
        {
            return false;
        }

        return spec.MultipleOf is not { } m || value % m == 0;
    }
}
