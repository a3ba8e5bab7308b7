using System.Text.Json;
using Microsoft.Playwright;

namespace Scrutineer.Browser.Tests;

/// <summary>
/// WCAG 2.2 SC 1.4.10 Reflow on an open page: at the page's current width nothing makes the page itself scroll sideways.
/// Content may scroll sideways only inside a container of its own (a wide data table in <c>.app-table-scroll</c>), and
/// such a container, when it does scroll, must be reachable and named (tabindex 0, role region, a label) so keyboard
/// users can scroll it.
/// </summary>
internal static class Reflow
{
    /// <summary>The 400% zoom case: 1280 × 1024 CSS px at 400% is a 320 × 256 viewport.</summary>
    public static readonly ViewportSize Zoom400 = new() { Width = 320, Height = 256 };

    /// <summary>A small phone held upright.</summary>
    public static readonly ViewportSize Phone = new() { Width = 375, Height = 667 };

    /// <summary>
    /// Measures the page in the browser: the page's scroll width against the window, the outermost elements whose
    /// right edge passes the window and which are not inside a sideways-scrolling container (widest first), and every container that
    /// scrolls sideways without being reachable by keyboard.
    /// </summary>
    private const string Measure = """
        () => {
          const width = window.innerWidth;
          const limit = document.documentElement.clientWidth + 1;
          const scrolls = e => e !== document.documentElement && e !== document.body
            && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
          // Inside a container that clips it: an absolutely positioned element escapes every container up to its
          // containing block (its nearest positioned ancestor), so only containers from there up count.
          const positioned = e => getComputedStyle(e).position !== 'static';
          const lifted = e => ['absolute', 'fixed'].includes(getComputedStyle(e).position);
          const inScroller = e => {
            let escapes = lifted(e);
            for (let a = e.parentElement; a; a = a.parentElement) {
              if (escapes && positioned(a)) {
                if (scrolls(a)) return true;
                escapes = lifted(a);
              } else if (!escapes && scrolls(a)) {
                return true;
              }
            }
            return false;
          };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + [...e.classList].map(c => '.' + c).join('')
            + ' "' + (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60) + '"';
          const offenders = [];
          const unreachable = [];
          const passing = new Set();
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width > 0 && r.height > 0 && r.right > limit && !inScroller(e)) {
              passing.add(e);
              // Named once: the outermost element that passes the window, not each of its descendants.
              if (!passing.has(e.parentElement)) {
                offenders.push({ element: name(e), right: Math.round(r.right), width: Math.round(r.width) });
              }
            }
            if (scrolls(e) && e.scrollWidth > e.clientWidth + 1 && !['TEXTAREA', 'SELECT', 'INPUT'].includes(e.tagName)
                && !(e.tabIndex >= 0 && e.getAttribute('role') === 'region' && (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')))) {
              unreachable.push(name(e));
            }
          }
          offenders.sort((a, b) => b.right - a.right || b.width - a.width);
          return JSON.stringify({ scrollWidth: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 3), unreachable });
        }
        """;

    /// <summary>What is wrong with the page at its current width (nothing: an empty list), each finding naming <paramref name="label"/>.</summary>
    public static async Task<IReadOnlyList<string>> FindingsAsync(IPage page, string label)
    {
        var json = await page.EvaluateAsync<string>(Measure);
        var result = JsonSerializer.Deserialize<Measurement>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The page measured nothing.");
        var findings = new List<string>();
        if (result.ScrollWidth > result.Width + 1 || result.Offenders.Count > 0)
        {
            var widest = result.Offenders.Count == 0
                ? "no single element passes the window"
                : string.Join("; ", result.Offenders.Select(o => $"{o.Element} reaches {o.Right} px ({o.Width} px wide)"));
            findings.Add($"{label}: the page is {result.ScrollWidth} px wide in a {result.Width} px window; widest: {widest}");
        }

        findings.AddRange(result.Unreachable.Select(e => $"{label}: {e} scrolls sideways but is not a focusable, named region (tabindex=\"0\" role=\"region\" aria-label)"));
        return findings;
    }

    private sealed record Measurement(int ScrollWidth, int Width, List<Offender> Offenders, List<string> Unreachable);

    private sealed record Offender(string Element, int Right, int Width);
}
