using Switchboard.Core.Domain;

namespace Switchboard.Core.Analytics;

/// <summary>
/// Picks resolved cases for the weekly retro, stratified by intent: intents take turns (in a shuffled
/// order), each giving one random case per turn, until the sample is full or the cases run out.
/// </summary>
public static class RetroSampler
{
    public static IReadOnlyList<CaseRecord> Sample(IEnumerable<CaseRecord> resolved, int size, Random random)
    {
        var strata = resolved
            .GroupBy(c => c.Intent ?? "untriaged")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<CaseRecord>(g.OrderBy(c => c.Id).OrderBy(_ => random.Next())))
            .OrderBy(_ => random.Next())
            .ToList();
        var picked = new List<CaseRecord>();
        while (picked.Count < size && strata.Any(q => q.Count > 0))
        {
            foreach (var stratum in strata.Where(q => q.Count > 0))
            {
                if (picked.Count == size)
                {
                    break;
                }

                picked.Add(stratum.Dequeue());
            }
        }

        return picked;
    }
}
