namespace HeteroAgents.Decoding.Runtime;

/// <summary>The number lexer, with exact decimal checks of bounds and multipleOf at the end of the number.</summary>
internal sealed partial class JsonMachine
{
    internal const int NumConsumed = 0, NumRejected = 1, NumEnded = 2;
    private const int FlagNegative = 1, FlagTruncated = 2, FlagExpNegative = 4;
    private const int MaxSignificant = 18;

    private static readonly Int128[] s_pow10 = Enumerable.Range(0, 20).Select(i => Int128.Parse("1" + new string('0', i), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    // States: 0 start, 1 after '-', 2 after leading 0, 3 integer digits, 4 after '.', 5 fraction digits,
    // 6 after 'e', 7 after exponent sign, 8 exponent digits.
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
                    return IntegerFeasible(ref n, spec) ? NumConsumed : NumRejected;
                }

                goto case 1;
            case 1:
                if (!isDigit)
                {
                    return NumRejected;
                }

                n.State = b == '0' ? 2 : 3;
                Digit(ref n, b - '0');
                return IntegerFeasible(ref n, spec) ? NumConsumed : NumRejected;
            case 2 or 3 or 5:
                if (isDigit && n.State != 2)
                {
                    if (n.State == 5)
                    {
                        n.B++;
                    }

                    Digit(ref n, b - '0');
                    return n.State != 3 || IntegerFeasible(ref n, spec) ? NumConsumed : NumRejected;
                }

                if (b == '.' && n.State != 5 && !spec.IntegerOnly)
                {
                    n.State = 4;
                    return NumConsumed;
                }

                if (b is 'e' or 'E' && !spec.IntegerOnly)
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
                n.B++;
                Digit(ref n, b - '0');
                return NumConsumed;
            case 6:
                if (b is '+' or '-')
                {
                    n.State = 7;
                    n.A |= b == '-' ? FlagExpNegative : 0;
                    return NumConsumed;
                }

                goto case 7;
            case 7:
                if (!isDigit)
                {
                    return NumRejected;
                }

                n.State = 8;
                n.E = b - '0';
                return NumConsumed;
            case 8:
                if (isDigit)
                {
                    n.E = Math.Min((n.E * 10) + (b - '0'), 100_000);
                    return NumConsumed;
                }

                return NumEnded;
            default:
                return NumRejected;
        }
    }

    private static void Digit(ref Frame n, int d)
    {
        if (n.C == 0 && d == 0)
        {
            return;
        }

        if (n.D >= MaxSignificant)
        {
            n.A |= FlagTruncated;
            return;
        }

        n.C = (n.C * 10) + d;
        n.D++;
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
        if ((n.A & FlagTruncated) != 0)
        {
            return false;
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
        if (!spec.TracksValue)
        {
            return true;
        }

        if ((n.A & FlagTruncated) != 0)
        {
            return false;
        }

        var exp = ((n.A & FlagExpNegative) != 0 ? -n.E : n.E) - n.B;
        decimal value;
        if (n.C == 0)
        {
            value = 0;
        }
        else if (exp < 0 && exp >= -28)
        {
            value = new decimal((int)(n.C & 0xFFFFFFFF), (int)(n.C >> 32), 0, false, (byte)-exp);
        }
        else if (exp >= 0 && exp <= 10)
        {
            value = n.C * (decimal)(long)s_pow10[exp];
        }
        else
        {
            return false; // beyond exact decimal comparison: rejected rather than guessed
        }

        if ((n.A & FlagNegative) != 0)
        {
            value = -value;
        }

        if (spec.Minimum is { } min && (value < min || (spec.ExclusiveMinimum && value == min)))
        {
            return false;
        }

        if (spec.Maximum is { } max && (value > max || (spec.ExclusiveMaximum && value == max)))
        {
            return false;
        }

        return spec.MultipleOf is not { } m || value % m == 0;
    }
}
