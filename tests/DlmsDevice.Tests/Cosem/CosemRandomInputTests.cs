using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    /// <summary>
    /// Seeded random input at the COSEM-object level: valid request pieces mutated (bytes flipped,
    /// replaced, cut, inserted, lengths made long-form) or plain random bytes, fed to the profile
    /// generic (selective access, capture_objects SET, methods), the clock (SET of every
    /// attribute, every method) and Association LN (GET, SET, methods). Whatever the input: no
    /// exception, a result code the standard defines, a successful GET writes exactly one
    /// well-formed Data, and a refused selective access leaves its parameters unread.
    /// </summary>
    public class CosemRandomInputTests
    {
        private const int Iterations = 200_000;

        // Valid pieces the mutations start from.
        private static readonly byte[][] s_selectiveAccess =
        {
            Hex.Parse("02 04 06 00000001 06 00000005 12 0001 12 0000"),
            Hex.Parse("02 04 12 0002 12 0000 11 01 11 02"),
            Hex.Parse("02 04 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000 09 0C 07EA0B19FF000000FF000000 09 0C 07EB0B19FF00000000000000 01 00"),
            Hex.Parse("02 04 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000 09 0C 07EA0B19FF00000000800000 09 0C 07EA0B1AFF00000000800000 01 01 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000"),
            Hex.Parse("02 04 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000 06 00000000 06 7FFFFFFF 01 00"),
            Hex.Parse("02 04 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000 19 07EA0B19FF000000FF000000 19 FFFFFFFFFFFFFFFFFF8000FF 01 00"),
        };

        private static readonly byte[][] s_captureObjects =
        {
            Hex.Parse("01 02 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000"),
            Hex.Parse("01 01 02 04 12 0003 09 06 0100010800FF 0F 03 12 0001"),
            Hex.Parse("01 00"),
        };

        private static readonly byte[][] s_clockValues =
        {
            Hex.Parse("09 0C 07EA0B19 03 081505 00 0000 00"),
            Hex.Parse("09 0C 07EA031D FF 021505 FF 8000 FF"),
            Hex.Parse("09 0C FFFF FF FE FF FFFFFF FF 8000 FF"),
            Hex.Parse("10 FF C4"),
            Hex.Parse("0F 3C"),
            Hex.Parse("03 01"),
            Hex.Parse("16 01"),
            Hex.Parse("0F 00"),
            Hex.Parse("10 00 3C"),
            Hex.Parse("02 03 09 0C 07EA0B19 03 081505 00 0000 00 09 0C 07EA0B19 03 081000 00 0000 00 09 0C 07EA0B19 03 083000 00 0000 00"),
        };

        private static readonly byte[][] s_associationValues =
        {
            Hex.Parse("09 08 3132333435363738"),
            Hex.Parse("09 10 00112233445566778899AABBCCDDEEFF"),
            Hex.Parse("02 02 0F 10 12 0001"),
            Hex.Parse("02 06 09 07 60857405080101 0F 01 0F 01 09 07 60857405080201 09 00"),
            Hex.Parse("16 02"),
            Hex.Parse("01 01 02 04 12 0008 11 00 09 06 0000010000FF 02 02 01 00 01 00"),
            Hex.Parse("00"),
        };

        [Fact]
        public void RandomInput_ProfileClockAndAssociation_NoExceptionAndValidResults()
        {
            var random = new Random(20261125);
            var fixture = new LoadProfileFixture(entries: 20, timeZone: -60, europeanDst: true);
            for (int i = 0; i < 15; i++)
            {
                fixture.CaptureAt(new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Utc).AddMinutes(15 * i), (uint)(1000 + i));
            }
            var list = new ObjectList(8);
            var association = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), list, 17, 1, 1, 16);
            association.SetSecret("Gurux");
            foreach (CosemObject obj in new CosemObject[] { fixture.Clock, fixture.Import, fixture.Export, fixture.Voltage, fixture.Current, fixture.Profile, new CurrentAssociation(), association })
            {
                list.Add(obj, AttributeAccess.ReadWrite, MethodAccess.Access);
            }
            var context = new CosemContext
            {
                Objects = list,
                Association = association,
                Status = AssociationStatus.Associated,
                ClientSap = 17,
                ServerLogicalAddress = 1,
            };
            CosemObject[] targets = { fixture.Profile, fixture.Clock, association };
            byte[][][] pieces = { s_selectiveAccess, s_clockValues, s_associationValues };

            var input = new byte[256];
            var output = new byte[8192];
            var reader = new AxdrReader();
            var writer = new AxdrWriter();
            var check = new AxdrReader();
            int successes = 0;
            int selections = 0;

            for (int n = 0; n < Iterations; n++)
            {
                int which = random.Next(3);
                CosemObject target = targets[which];
                byte[][] templates = which == 0 && random.Next(3) == 0 ? s_captureObjects : pieces[which];
                int template = random.Next(templates.Length);
                int length = Mutate(random, templates[template], input);
                reader.Reset(input, 0, length);
                writer.Reset(output, 0, output.Length);
                string what = target.LogicalName + " #" + n + " input " + Hex.Format(input, 0, length);
                int operation = random.Next(4);
                if (operation == 0)
                {
                    // GET, with a selector and parameters (the profile's buffer: its selective access).
                    int attribute = which == 0 && random.Next(5) != 0 ? 2 : random.Next(0, target.AttributeCount + 2);
                    int selector = random.Next(3);
                    if (which == 0 && templates == s_selectiveAccess && random.Next(8) != 0)
                    {
                        selector = template < 2 ? 2 : 1; // entry_descriptor, range_descriptor
                    }
                    else if (random.Next(8) == 0)
                    {
                        selector = random.Next(256);
                    }
                    DataAccessResult result = target.GetAttribute(attribute, selector, selector == 0 ? null! : reader, writer, context);
                    Assert.True(Enum.IsDefined(result), what + ": GET " + attribute + " selector " + selector + " gave " + (int)result);
                    if (result == DataAccessResult.Success)
                    {
                        successes++;
                        if (which == 0 && attribute == 2 && (selector == 1 || selector == 2))
                        {
                            selections++;
                        }
                        AssertOneData(check, output, writer, what);
                    }
                    else if (selector != 0)
                    {
                        Assert.True(reader.Position == 0, what + ": a refused selective access consumed its parameters");
                    }
                }
                else if (operation == 1 || operation == 2)
                {
                    int attribute = which == 0 && templates == s_captureObjects ? 3 : random.Next(0, target.AttributeCount + 2);
                    DataAccessResult result = target.SetAttribute(attribute, reader, context);
                    Assert.True(Enum.IsDefined(result), what + ": SET " + attribute + " gave " + (int)result);
                }
                else
                {
                    int method = random.Next(0, target.MethodCount + 2);
                    ActionResult result = target.Invoke(method, random.Next(8) == 0 ? null! : reader, writer, context);
                    Assert.True(Enum.IsDefined(result), what + ": ACTION " + method + " gave " + (int)result);
                    Assert.False(writer.Overflow, what + ": return parameters overflowed 8 KB");
                    if (result == ActionResult.Success && writer.Length > 0)
                    {
                        AssertOneData(check, output, writer, what);
                    }
                }
                if (n % 500 == 0)
                {
                    // The inputs reconfigure the profile and move the clock; put a useful
                    // configuration back with a few rows, so selective access has work to do.
                    reader.Reset(s_captureObjects[0], 0, s_captureObjects[0].Length);
                    Assert.Equal(DataAccessResult.Success, fixture.Profile.SetAttribute(3, reader, context));
                    for (int r = 0; r < 6; r++)
                    {
                        fixture.Source.Ticks = new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(-600, 3000)).Ticks;
                        fixture.Import.Value.SetInteger(random.Next(0, 1 << 30));
                        Assert.True(fixture.Profile.Capture());
                    }
                }
            }
            // The mutations stay close enough to valid input that real work gets done.
            Assert.True(successes > Iterations / 50, "only " + successes + " successful GETs");
            Assert.True(selections > Iterations / 250, "only " + selections + " successful selective accesses");
        }

        private static void AssertOneData(AxdrReader check, byte[] output, AxdrWriter writer, string what)
        {
            check.Reset(output, 0, writer.Length);
            Assert.True(check.SkipValue() == AxdrStatus.Ok && check.Remaining == 0,
                what + ": the answer is not one Data: " + Hex.Format(output, 0, Math.Min(writer.Length, 64)));
        }

        // A copy of the template into input, mutated; returns the length.
        private static int Mutate(Random random, byte[] template, byte[] input)
        {
            int length;
            if (random.Next(16) == 0)
            {
                length = random.Next(0, 48);
                for (int i = 0; i < length; i++)
                {
                    input[i] = (byte)random.Next(256);
                }
                return length;
            }
            Array.Copy(template, input, template.Length);
            length = template.Length;
            int mutations = random.Next(0, 4);
            for (int m = 0; m < mutations && length > 0; m++)
            {
                int at = random.Next(length);
                switch (random.Next(6))
                {
                    case 0:
                        input[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        input[at] = (byte)random.Next(256);
                        break;
                    case 2:
                        length = at; // cut
                        break;
                    case 3:
                        if (length < input.Length)
                        {
                            Array.Copy(input, at, input, at + 1, length - at);
                            input[at] = (byte)random.Next(256);
                            length++;
                        }
                        break;
                    case 4:
                        // A length or count in long form, or an extreme one.
                        input[at] = (byte)(random.Next(2) == 0 ? 0x80 + random.Next(6) : 0xFF);
                        break;
                    default:
                        input[at] = (byte)random.Next(0x20); // a type tag
                        break;
                }
            }
            return length;
        }
    }
}
