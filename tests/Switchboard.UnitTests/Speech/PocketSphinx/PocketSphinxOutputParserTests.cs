using Switchboard.Speech.PocketSphinx;

namespace Switchboard.UnitTests.Speech.PocketSphinx;

public sealed class PocketSphinxOutputParserTests
{
    private const string Output = """
        i was charged twice and i want(2) a refund
        <s> 0.000 0.020 0.999200
        i 0.030 0.140 0.923127
        was 0.150 0.440 0.818084
        charged 0.450 0.800 0.937637
        <sil> 0.810 0.980 0.558798
        twice 0.990 1.100 0.467485
        [NOISE] 1.110 1.200 0.5
        and 1.210 1.300 0.6
        i 1.310 1.400 0.6
        want(2) 1.410 1.500 0.6
        a 1.510 1.600 0.6
        refund 1.610 2.000 0.9
        </s> 2.010 2.200 1.000000
        """;

    [Fact]
    public void Parse_TimedWords_SegmentsSplitAtFillers()
    {
        var segments = PocketSphinxOutputParser.Parse(Output);

        Assert.Equal(["i was charged", "twice", "and i want a refund"], segments.Select(s => s.Text));
        Assert.Equal(TimeSpan.FromSeconds(0.03), segments[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(0.8), segments[0].End);
        Assert.Equal(TimeSpan.FromSeconds(2.0), segments[2].End);
    }

    [Fact]
    public void Parse_NothingRecognized_NoSegments()
    {
        var segments = PocketSphinxOutputParser.Parse("\n<s> 0.000 0.020 0.999\n</s> 0.030 1.000 1.0\n");

        Assert.Empty(segments);
    }
}
