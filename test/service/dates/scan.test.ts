// The date grammar's table: real lines from the seeds and the 116-plan corpus, each with every
// expression the scanner must find on it (and nothing else: a line with no expected readings must
// yield none; a ratio read as a date is as wrong as a missed date). Rows marked `synthetic` are
// notations the issue names that no real plan happens to contain.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanDates } from '../../../server/src/service/dates/scan';
import { describe as reading } from '../../helpers/describeDates';

interface Row {
  line: string;
  expect: string[];
  /** Scan as a date field's value (`Desired date range: …`). */
  dateField?: boolean;
  synthetic?: boolean;
}

const rows: Row[] = [
  // Seeds
  { line: '- Length of time: Six Days 7/16/25 - 7/21/25', expect: ['duration 6 day', 'range 2025-07-16..2025-07-21'] },
  { line: '- Length of time: Three Days 7/21/25 - 7/23/25', expect: ['duration 3 day', 'range 2025-07-21..2025-07-23'] },
  { line: '- Length of time: Final 7/30/25', expect: ['date 2025-07-30'] },
  { line: '- Desired date range:  6/30/25 - 7/16/25', expect: ['range 2025-06-30..2025-07-16'] },
  { line: '- Desired date range: ~Aug 1 -> Sep 15', expect: ['range 08-01..09-15'] },
  { line: '- Desired date range: _**February 2026**_', expect: ['month 2026-02'] },
  { line: '- Release Date: 2/11/2026 at 11a EST', expect: ['date 2026-02-11 11:00 EST'] },
  { line: '- Length of time: ~1 week', expect: ['duration ~1 week'] },
  { line: '- Length of time: 2-3 weeks', expect: ['duration 2-3 week'] },
  { line: '- Length of time: 2-4 weeks', expect: ['duration 2-4 week'] },
  { line: '- Length of time: ~2 weeks', expect: ['duration ~2 week'] },
  { line: '- Desired date range or test duration: 1 day', expect: ['duration 1 day'] },
  { line: '- Number of bugs identified / fixed: 2/2', expect: [] },
  { line: 'Error Rate: Total number of errors/failures (failure / success + failures): 5.7% error rate (472/27)', expect: [] },
  { line: '- Number of bugs identified / fixed: [FILL_IN]/[FILL_IN]', expect: [] },
  { line: '- Low error rates <5% for `#files-we-couldnt-receive` endpoint (excluding 401/403 authentication issues)', expect: [] },
  // Single dates
  { line: '- Desired date: 06/15/23', expect: ['date 2023-06-15'] },
  { line: '- Desired date for initial launch: 03/20/2021', expect: ['date 2021-03-20'] },
  { line: '- Desired date range: 03/16', expect: ['date 03-16'], dateField: true },
  { line: '- Date Started: 1/25', expect: ['date 01-25'] },
  { line: '- Length of time: 10/9/2024 (*minimum 2 hours*)', expect: ['date 2024-10-09', 'duration 2+ hour'] },
  { line: '- Desired date: Oct 1st, 2020', expect: ['date 2020-10-01'] },
  { line: '- Actual date: Sept 30th, 2020', expect: ['date 2020-09-30'] },
  { line: 'VES is expected to be ready for integration in Production starting September 15th, 2015.', expect: ['date 2015-09-15'] },
  { line: '- Desired date range or test duration: Aug 2, 2024', expect: ['date 2024-08-02'] },
  { line: '* Length of time: **March 24, 2026**', expect: ['date 2026-03-24'] },
  { line: '* **Note**: For the mobile release to occur on March  24, 2026 all work needs to be finalized by the release branch of **March 11, 2026\\.**', expect: ['date 2026-03-24', 'date 2026-03-11'] },
  { line: '4. Beta launch on prod: Nov. 4. ', expect: ['date 11-04'] },
  { line: '- Desired date: June 24', expect: ['date 06-24'] },
  { line: '- Length of time: 1 days (Sep 10)', expect: ['duration 1 day', 'date 09-10'] },
  { line: '- **2025/03/10** - BMT1 began the Canary phase as planned', expect: ['date 2025-03-10'] },
  { line: '- Last updated: 02/19/2024', expect: ['date 2024-02-19'] },
  { line: '| 3: Launch preparation                | Jul 22, 2024 | In Progress | Original date of 6/18 shifted due to FDC update', expect: ['date 2024-07-22', 'date 06-18'] },
  { line: '- Length of time: 2 Days, Starting 4/22/26', expect: ['duration 2 day', 'date 2026-04-22'] },
  { line: '- Desired date range or test duration: [Week of 2/27/2024]', expect: ['date 2024-02-27'] },
  { line: '- **Desired date:** Week of 5/4', expect: ['date 05-04'] },
  { line: '|Phase 2A: 25% of users |7 days|25% of users (auth and non-auth)|Week of April 15|', expect: ['duration 7 day', 'date 04-15'] },
  // Weekdays and times
  { line: '4. Stage C: 100% of users (~18.5k users per day) - Monday, 6/2', expect: ['date 06-02 Mon'] },
  { line: '1. Stage A: 10% of users on 3/5 (Tuesday)', expect: ['date 03-05 Tue'] },
  { line: '1. Stage A: 5% of users on 1/8 (Wednesday) + implement Datadog monitoring in Production [#92287](https://github.com/department-of-veterans-affairs/va.gov-team/issues/92287)', expect: ['date 01-08 Wed'] },
  { line: '#### Go/No Go meeting on 12/8 at 2:30p ET (11:30a PT)', expect: ['date 12-08 14:30 ET'] },
  { line: '#### Go/No Go meeting on 12/11 at 2p ET (11a PT)', expect: ['date 12-11 14:00 ET'] },
  { line: '#### Go/No Go meeting 3/5/2024 at 12:30p ET', expect: ['date 2024-03-05 12:30 ET'] },
  { line: '#### Go/No Go Meeting Thursday, 5/22 1:00pm ET', expect: ['date 05-22 Thu 13:00 ET'] },
  { line: '#### Go/No Go meeting Friday January 3, 2025', expect: ['date 2025-01-03 Fri'] },
  { line: '- **Release date for 1%:** Thursday Oct 24', expect: ['date 10-24 Thu'] },
  { line: '- At 9am PDT on Wednesday Aug 28th, Aurora to turn the TE flag on in production for 5% of traffic', expect: ['date 08-28 Wed'] },
  { line: '        - 2nd Test EVSS: Aug 17, 2023 @ 3:09PM CT, Has existing ITF', expect: ['date 2023-08-17 15:09 CT'] },
  { line: '- Date Started: 2/12/24 11:18am PST, rolled back 2/13 around 8:15am PST due to spike in missing mailing addresses', expect: ['date 2024-02-12 11:18 PST', 'date 02-13'] },
  { line: '\t- Canary Launch: 10% of traffic (Thursday, March 27)', expect: ['date 03-27 Thu'] },
  // Ranges
  { line: '- Length of time: 1 week (03/18-03/26/21)', expect: ['duration 1 week', 'range 2021-03-18..2021-03-26'] },
  { line: '- Length of time: 2 days (start 03/18-3/19)', expect: ['duration 2 day', 'range 03-18..03-19'] },
  { line: '2. QA and internally validate in [demo environment](http://learningcenter.demo.ci.cms.va.gov/): ~Oct 23 -28', expect: ['range 10-23..10-28'] },
  { line: '#### Rollout dates: May 22 - June 2, 2025', expect: ['range 2025-05-22..2025-06-02'] },
  { line: '**II. 1.1 December release: ~Dec 21 - 30** ', expect: ['range 12-21..12-30'] },
  { line: '- Desired date range: April 15 - May 10, 2024', expect: ['range 2024-04-15..2024-05-10'] },
  { line: '- Desired date range or test duration: April 3-12, 2024', expect: ['range 2024-04-03..2024-04-12'] },
  { line: '- Desired date range or test duration: 8/22/22 – 8/25/22', expect: ['range 2022-08-22..2022-08-25'] },
  { line: '- Desired date range or test duration: ~ 7/19/2023-8/1/2023', expect: ['range 2023-07-19..2023-08-01'] },
  { line: '- Desired date range or test duration: ~ 8/2-15/2023', expect: ['range 2023-08-02..2023-08-15'] },
  { line: 'Desired date range or test duration: 3/10-3/11 2025', expect: ['range 2025-03-10..2025-03-11'] },
  { line: '|Phase 2: 10 users |2 days|10 users (auth users only)|  In the 8/7 - 8/14,2025 timeframe|', expect: ['duration 2 day', 'range 2025-08-07..2025-08-14'] },
  { line: '- Desired date range or test duration: 6/18-7/17', expect: ['range 06-18..07-17'] },
  { line: '- **Desired date range:** 6/08 - 6/12', expect: ['range 06-08..06-12'] },
  { line: '* Desired date range: **May 19, 2026 \\- May 26, 2026**  ', expect: ['range 2026-05-19..2026-05-26'] },
  { line: '- Desired date range: November 11 - December 9, 2024', expect: ['range 2024-11-11..2024-12-09'] },
  { line: '- Desired date range: July 7 - 11', expect: ['range 07-07..07-11'] },
  { line: '- Desired date range: _\\[07/06/22 - 07/13/22\\]_', expect: ['range 2022-07-06..2022-07-13'] },
  { line: '**Code freeze: 12/22/2023 - 1/2/2024**', expect: ['range 2023-12-22..2024-01-02'] },
  { line: '     - (Initially 1/2-1/7/2024, paused and rolled back 1/3/24 due to issues with Veteran DOB and Preferred Facility)', expect: ['range 2024-01-02..2024-01-07', 'date 2024-01-03'] },
  { line: '**Estimated Duration**: Sprint 28 (3/27 - 4/9/24) - Sprint 30 (4/24 - 5/7/24)   ', expect: ['range 2024-03-27..2024-04-09', 'range 2024-04-24..2024-05-07'] },
  { line: '- Sprint 31: 9/23-8/6', expect: ['range 09-23..08-06'] },
  { line: '     - 12/20/23 - 01/11/23', expect: ['range 2023-12-20..2023-01-11'] },
  { line: '- Rollout date range: 3/5-3/18/2024', expect: ['range 2024-03-05..2024-03-18'] },
  { line: '### Stage A Results (5/13-5/15) - 10% of users', expect: ['range 05-13..05-15'] },
  { line: '### 1-week results: 6/8 -> 6/15/2020', expect: ['duration 1 week', 'range 2020-06-08..2020-06-15'] },
  { line: '### Stage B Results (Jan 13-23, 2025)', expect: ['range 2025-01-13..2025-01-23'] },
  { line: '### 1-Month Results Post Launch (Jan 23 - Feb 23, 2025)', expect: ['duration 1 month', 'range 2025-01-23..2025-02-23'] },
  { line: '### 1-week results (comparing June 18-24 to June 11-17):', expect: ['duration 1 week', 'range 06-18..06-24', 'range 06-11..06-17'] },
  { line: '| Product KPI | Historical Sept 29-Oct28 |Target| Post-Launch 1 week|Post-Launch 1 month|', expect: ['range 09-29..10-28', 'duration 1 week', 'duration 1 month'] },
  { line: '- **Date range or test duration** Estimated: Tuesday, 9/1 - Friday, 9/4', expect: ['range 09-01 Tue..09-04 Fri'] },
  { line: '5. The MFS team worked with Perigean to find participants for UAT testing. These sessions are scheduled from Monday, April 13th - Friday, April 17th.', expect: ['range 04-13 Mon..04-17 Fri'] },
  { line: '- Ran on 6/18 from 8am - 4pm ET and again from 6/20 @ 1:30pm ET through 6/22 8am ET', expect: ['date 06-18', 'range 06-20 13:30 ET..06-22 08:00 ET'] },
  { line: '- From Jan 1, 2022 through Jan 25, 2023, there were 5,496 CARMA cases rerouted to a different facility.', expect: ['range 2022-01-01..2023-01-25'] },
  { line: '<details><summary> First Launch to 10% 8/15-29', expect: ['range 08-15..08-29'] },
  { line: 'Targeting Launch March 18-25th ', expect: ['range 03-18..03-25'] },
  { line: '- Length of time: 3 days (Aug 28- 30)', expect: ['duration 3 day', 'range 08-28..08-30'] },
  { line: '- Length of time: 5 days (Sept. 5-9)', expect: ['duration 5 day', 'range 09-05..09-09'] },
  { line: '|Phase 1: Staging testing |14 days|7| July 1-10, 2025 and July 22-24, 2025 |', expect: ['duration 14 day', 'range 2025-07-01..2025-07-10', 'range 2025-07-22..2025-07-24'] },
  { line: 'Desired date range or test duration: ~_3/11/24 - 3/25/24  2025_~ &nbsp; 05/06/2025 - 05/13/2025', expect: ['range 2025-05-06..2025-05-13'] },
  { line: '- [Address validation dashboard 9/30 - 10/30](https://analytics.google.com/analytics/web/#/dashboard/pq_-PrkvQleUdCBbV7eq7Q/a50123418w177519031p176188361/_u.date00=20200930&_u.date01=20201030/)', expect: ['range 09-30..10-30'] },
  // Months
  { line: '- Desired date range: July 2024', expect: ['month 2024-07'] },
  { line: '- Desired date range: **January 2021**', expect: ['month 2021-01'] },
  { line: '- Desired date range or test duration: **Late December 2020 - Early January 2021**', expect: ['range 2020-12..2021-01'] },
  { line: '| Product KPI | 2022 Baseline | Jan-Jun 2023 | Target | End of 25%| End of 50%| End of 75%| Post-Launch 1 month|Post-Launch 3 months|', expect: ['range 2023-01..2023-06', 'duration 1 month', 'duration 3 month'] },
  { line: 'A usability study was conducted in November/December 2019 to evaluate how the user experience of VA.gov could be improved', expect: ['range 2019-11..2019-12'] },
  { line: '- Desired date range or test duration: [November]', expect: ['month 11'], dateField: true },
  { line: '- Desired date range: End of July', expect: ['month 07'], dateField: true },
  { line: '- Desired date range or test duration: May - June', expect: ['range 05..06'], dateField: true },
  { line: '- **Desired date range or test duration:** 3/30 - 4/1 (May change due to Staging Review and VFMP user recruitment)', expect: ['range 03-30..04-01'], dateField: true },
  // Durations
  { line: '- Length of time: 24–48 hours', expect: ['duration 24-48 hour'] },
  { line: '- Length of time: 2 business days (Started by 03/15 and move to Phase B on 03/17)', expect: ['duration 2 business day', 'date 03-15', 'date 03-17'] },
  { line: 'Length of time: two weeks  ', expect: ['duration 2 week'] },
  { line: '- Length of time: 8 hours (one day)', expect: ['duration 8 hour', 'duration 1 day'] },
  { line: '- Length of time: 4 hours to 1 day', expect: ['duration 4 hour..1 day'] },
  { line: '- Length of time: [Overnight - 15+hrs]', expect: ['duration 15+ hour'] },
  { line: '- Length of time: 2.5-3 weeks (11/10-12/1)', expect: ['duration 2.5-3 week', 'range 11-10..12-01'] },
  { line: '     - 1.5 weeks - 11/13/23 - 11/21/23', expect: ['duration 1.5 week', 'range 2023-11-13..2023-11-21'] },
  { line: '     - 01/21/2025-01/22/2025 - 1 day', expect: ['range 2025-01-21..2025-01-22', 'duration 1 day'] },
  { line: '- Desired date range: 10/1/2024 - 12/31/2024 - This will be a 3-month long experiment', expect: ['range 2024-10-01..2024-12-31', 'duration 3 month'] },
  { line: '- **Desired date range or test duration:** since March 6th, min. 2 weeks', expect: ['date 03-06', 'duration 2+ week'] },
  { line: '- Length of time: Monitor at least 7 days and review any findings', expect: ['duration 7+ day'] },
  { line: '* Desired date range: A day minimum per stage to monitor metrics.', expect: ['duration 1 day'] },
  { line: '- Length of time: [4hrs] ', expect: ['duration 4 hour'] },
  // Placeholders
  { line: '- Desired date range: **XX/XX/2026 - XX/XX/2026**', expect: ['placeholder XX/XX/2026', 'placeholder XX/XX/2026'] },
  { line: '- Desired date range: _\\[mm/dd/yy - mm/dd/yy\\]_', expect: ['placeholder mm/dd/yy', 'placeholder mm/dd/yy'] },
  { line: '### Stage B: Release 2.5 – 50% of users – mm/dd/yyyy', expect: ['placeholder mm/dd/yyyy'] },
  { line: 'Application Date Between mm/dd/yyyy-mm/dd/yyyy (Week 1)', expect: ['placeholder mm/dd/yyyy', 'placeholder mm/dd/yyyy'] },
  { line: '     - X weeks - x/xx/xx - x/xx/xx', expect: ['placeholder x/xx/xx', 'placeholder x/xx/xx'] },
  { line: '- Desired date range: [FILL_IN]', expect: [] },
  { line: '- Desired date range: TBD, end of September', expect: ['month 09'], dateField: true },
  // Not dates: versions, ratios, fractions, URLs, tickets, sprints, percentages
  { line: '### Stage A: Release 2.4 – 10% of users – 02/25/2025', expect: ['date 2025-02-25'] },
  { line: '- Post-launch KPI 2 actual: Majority of feedback responses are positive (3/5+ or primarily ‘good’)', expect: [] },
  { line: '- Number of Register selections (Reg Info page views) :  Expecting about 1/3 of total traffic to select Register option', expect: [] },
  { line: '* Expands and extends eligibility for VA health care for Veterans with toxic exposures and Veterans of the Vietnam, Gulf War, and post-9/11 eras', expect: [] },
  { line: '- [X] Implement checkbox and loop for Gulf War and 9/11 summary pages.', expect: [] },
  { line: '- [Launch] HLR: Prepare Launch Product Video for Higher Level Review #6209 - Sprint 32/33', expect: [] },
  { line: '**I. 1.0 October/Nov beta launch release: ~ Nov. 4 prod (Sprint 33/34)**', expect: ['date 11-04'] },
  { line: '| Launch to 5% | 1 week | week of 08/7/2023 | 08/07/2023 | [#60782](https://github.com/department-of-veterans-affairs/va.gov-team/issues/60782) |', expect: ['duration 1 week', 'date 2023-08-07', 'date 2023-08-07'] },
  { line: '- Data source - [Datadog Dashboard](https://vagov.ddog-gov.com/dashboard/kjp-9wp-u47/10-10ezr?historicalData=true&index=&refresh_mode=sliding&view=spans&from_ts=1703092684168&to_ts=1703179084168&live=true)', expect: [] },
  { line: '| 4: Migrate /getPDF and /submit to LH |              | In Progress |Pending fixes from LH', expect: [] },
  { line: '  * 1. 0% of collaboration point respondents said `I\'m not sure` regarding which collaboraiton point they just completed.', expect: [] },
  { line: '- Datadog error rates for `/mobile/v0/claims/{id}` endpoint (consistent with baseline, excluding 401/403 authentication issues)', expect: [] },
  { line: '- Length of time: 4 hours / 150-200 users', expect: ['duration 4 hour'] },
  { line: '- **Desired date range or test duration:** 3/30 - 4/1 (May change due to Staging Review and VFMP user recruitment)', expect: ['range 03-30..04-01'] },
  { line: 'We will test on staging behind a Flipper, then if possible, test with a mod prod user, then go to 100% for all users. Our goal is to release by September 1. ', expect: ['date 09-01'] },
  // Impossible dates
  { line: '- Length of time: 2/30/2026', expect: ['invalid 2026-02-30'], synthetic: true },
  { line: '- Desired date range: 13/4/25', expect: ['invalid 2025-13-04'], synthetic: true },
  { line: '- Desired date range: 6/30/25 - 6/31/25', expect: ['invalid-range 2025-06-30..2025-06-31'], synthetic: true },
  { line: '- Date Started: February 30', expect: ['invalid 02-30'], synthetic: true },
];

function loadSources(): string {
  const root = join(__dirname, '..', '..', 'fixtures');
  const dirs = [join(root, 'seeds'), join(root, 'corpus', 'va-release-plans')];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8'))).join('\n');
}

describe('dates/scan: the notation table', () => {
  const sources = loadSources();

  it('has at least 80 rows taken from real plans', () => {
    const real = rows.filter((r) => !r.synthetic);
    assert.ok(real.length >= 80, `only ${real.length} real rows`);
    const missing = real.filter((r) => !sources.includes(r.line.trimEnd())).map((r) => r.line);
    assert.deepEqual(missing, [], 'rows must be copied verbatim from the seeds or the corpus');
  });

  for (const row of rows) {
    it(`${row.dateField ? '[date field] ' : ''}${row.line.trim().slice(0, 100)}`, () => {
      const found = scanDates(row.line, { dateContext: row.dateField }).map(reading);
      assert.deepEqual(found, row.expect);
    });
  }
});

describe('dates/scan: offsets', () => {
  it('gives the exact text and pieces of a range', () => {
    const line = '- Length of time: Six Days 7/16/25 - 7/21/25';
    const [duration, range] = scanDates(line);
    assert.equal(duration.text, 'Six Days');
    assert.equal(line.slice(duration.span.start, duration.span.end), 'Six Days');
    assert.equal(range.kind, 'range');
    if (range.kind !== 'range') return;
    assert.equal(range.text, '7/16/25 - 7/21/25');
    assert.equal(line.slice(range.start.span.start, range.start.span.end), '7/16/25');
    assert.equal(line.slice(range.end.span.start, range.end.span.end), '7/21/25');
    assert.equal(range.end.yearSpan && line.slice(range.end.yearSpan.start, range.end.yearSpan.end), '25');
    assert.equal(line.slice(range.separator.start, range.separator.end).trim(), '-');
  });

  it('points the day-only end of `Oct 23 -28` at the 28 and shares the month', () => {
    const line = '~Oct 23 -28';
    const [range] = scanDates(line);
    assert.equal(range.kind, 'range');
    if (range.kind !== 'range' || range.end.granularity !== 'day') return;
    assert.equal(line.slice(range.end.daySpan.start, range.end.daySpan.end), '28');
    assert.equal(line.slice(range.end.monthSpan.start, range.end.monthSpan.end), 'Oct');
    assert.equal(range.text, 'Oct 23 -28');
  });

  it('keeps the markdown inside a date in its text but not around it', () => {
    const line = '* Desired date range: **March 24, 2026 \\- March 30, 2026**  ';
    const [range] = scanDates(line);
    assert.equal(range.text, 'March 24, 2026 \\- March 30, 2026');
  });

  it('places the year of `September 15th, 2015` for a narrow diagnostic', () => {
    const line = 'starting September 15th, 2015.';
    const [date] = scanDates(line);
    assert.equal(date.kind, 'date');
    if (date.kind !== 'date' || date.date.granularity !== 'day' || !date.date.yearSpan) return;
    assert.equal(line.slice(date.date.yearSpan.start, date.date.yearSpan.end), '2015');
  });

  it('says why an impossible date is impossible', () => {
    const [a] = scanDates('2/30/2026');
    const [b] = scanDates('13/4/25');
    assert.ok(a.kind === 'date' && a.date.granularity === 'day' && a.date.invalidReason === 'February 2026 has 28 days');
    assert.ok(b.kind === 'date' && b.date.granularity === 'day' && b.date.invalidReason === 'there is no month 13 (day and month swapped?)');
  });
});

describe('dates/scan: hostile input', () => {
  it('stays linear on long lines and never throws', () => {
    const lines = [
      ' '.repeat(20_000) + 'on 3/5',
      '~'.repeat(5_000) + ' 3/5/2025 ' + '~a~ '.repeat(2_000),
      '1/'.repeat(10_000),
      '- '.repeat(10_000) + '7/16/25 - 7/21/25',
      'May '.repeat(5_000),
      '\u{1F600}3/5/2025\u0000\uFFFD'.repeat(2_000),
    ];
    const started = Date.now();
    for (const line of lines) scanDates(line, { dateContext: true });
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
    assert.deepEqual(scanDates(lines[0]).map(reading), ['date 03-05']);
    assert.deepEqual(scanDates(lines[3]).map(reading), ['range 2025-07-16..2025-07-21']);
  });
});
