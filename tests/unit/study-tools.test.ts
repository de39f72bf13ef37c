import { describe, expect, it } from 'vitest';
import { courseFlashcards, glossaryByLetter, mergeTimelines } from '../../src/lib/site/course-tools.ts';
import { readNote } from '../../src/lib/note/note.ts';
import { type TermNote, type TimelineNote } from '../../src/lib/note/note-data.ts';
import { createTermMatcher, splitAtMentions } from '../../src/lib/syntax/terms.ts';
import { vaultPath } from '../../src/lib/util/types.ts';

function timeline(path: string, events: string): TimelineNote {
  const outcome = readNote(vaultPath(path), `---\ndg-publish: true\ntype: timeline\nevents:\n${events}\n---\n`);
  if (outcome.status !== 'published' || outcome.note.type !== 'timeline') throw new Error(JSON.stringify(outcome));
  return outcome.note;
}

function term(name: string, definition: string, aliases: string[] = []): TermNote {
  const outcome = readNote(
    vaultPath(`G/${name}.md`),
    `---\ndg-publish: true\ntype: term\naliases: ${JSON.stringify(aliases)}\ndefinition: ${definition}\n---\n`,
  );
  if (outcome.status !== 'published' || outcome.note.type !== 'term') throw new Error(JSON.stringify(outcome));
  return outcome.note;
}

describe('the course timeline', () => {
  const first = timeline(
    'A/First.md',
    [
      '  - { date: "1962", title: A year }',
      '  - { date: "1962-10-24", title: A day }',
      '  - { date: "1956/1964", title: A span }',
      '  - { date: "1894~", title: Circa }',
    ].join('\n'),
  );
  const second = timeline(
    'A/Second.md',
    [
      '  - { date: "1962-10-24", title: Same day elsewhere }',
      '  - { date: "1962-10", title: A month }',
      '  - { date: "1953-03-05", title: Stalin dies }',
    ].join('\n'),
  );

  it('merges timelines into one chronological list: mixed precisions, intervals, circa', () => {
    expect(mergeTimelines([first, second]).map(({ event }) => event.title)).toEqual([
      'Circa',
      'Stalin dies',
      'A span',
      'A year',
      'A month',
      'A day',
      'Same day elsewhere',
    ]);
  });

  it('keeps ties in the order of the timelines, then of their events', () => {
    expect(
      mergeTimelines([second, first])
        .filter(({ event }) => event.date.edtf === '1962-10-24')
        .map(({ note }) => note.vaultPath),
    ).toEqual(['A/Second.md', 'A/First.md']);
  });
});

describe('the glossary', () => {
  it('groups terms A–Z, accents and case ignored, others under #', () => {
    const groups = glossaryByLetter([
      term('Thaw', 'T'),
      term('Écu', 'E'),
      term('apparatchik', 'A'),
      term('1956 crisis', 'N'),
      term('Anti-Party Group', 'A'),
    ]);
    expect(groups.map((group) => [group.letter, group.terms.map((t) => t.term)])).toEqual([
      ['A', ['Anti-Party Group', 'apparatchik']],
      ['E', ['Écu']],
      ['T', ['Thaw']],
      ['#', ['1956 crisis']],
    ]);
  });
});

describe('flashcards', () => {
  it('pair each term with its definition and each event with its date, under ids that name no vault file', () => {
    const kgb = term('KGB', 'The security agency.');
    const events = mergeTimelines([timeline('A/T.md', '  - { date: "1954-03", title: KGB created }')]);
    expect(courseFlashcards([kgb], events, (url) => url)).toEqual([
      { id: 'term-kgb', kind: 'term', front: 'KGB', back: 'The security agency.', href: '/g/kgb/' },
      {
        id: 'event-1954-03-kgb-created',
        kind: 'event',
        front: 'KGB created',
        back: 'March 1954',
        href: '/a/t/#1954-03-kgb-created',
      },
    ]);
  });
});

describe('terms named in a timeline event', () => {
  it('are cut out at their first mention', () => {
    const matcher = createTermMatcher([{ term: 'kgb', names: ['KGB', 'Committee for State Security'] }]);
    expect(splitAtMentions('The KGB replaced the MVD; the KGB grew.', matcher)).toEqual([
      { text: 'The ' },
      { text: 'KGB', term: 'kgb' },
      { text: ' replaced the MVD; the KGB grew.' },
    ]);
  });
});

describe('quizzes in frontmatter', () => {
  const read = (yaml: string) => readNote(vaultPath('Q.md'), `---\ndg-publish: true\ntype: quiz\nquiz:\n${yaml}\n---\n`);

  it('gives each question a stable id and keeps choices and answers', () => {
    const outcome = read(
      '  - { q: "When did Stalin die?", choices: ["1953", "1956"], answer: "1953", explanation: "March." }\n  - { q: "Why?", answer: "Because." }',
    );
    if (outcome.status !== 'published' || outcome.note.type !== 'quiz') throw new Error(JSON.stringify(outcome));
    expect(outcome.note.quiz).toEqual([
      {
        id: 'quiz-when-did-stalin-die',
        q: 'When did Stalin die?',
        choices: ['1953', '1956'],
        answer: '1953',
        explanation: 'March.',
      },
      { id: 'quiz-why', q: 'Why?', answer: 'Because.' },
    ]);
  });

  it('refuses an answer that is not one of the choices, with its line', () => {
    const outcome = read('  - q: "When?"\n    choices: ["1953", "1956"]\n    answer: "1954"');
    expect(outcome).toMatchObject({
      status: 'invalid',
      problems: [{ line: 7, message: 'quiz[0].answer: "1954" is not one of the choices' }],
    });
  });
});

describe('the graph', () => {
  const notes = [term('A', 'a'), term('B', 'b'), term('C', 'c'), term('D', 'd')];
  // A–B, B–C, C–D as body links.
  notes[0]!.links.push({ target: notes[1]!.vaultPath, embed: false, context: '' });
  notes[1]!.links.push(
    { target: notes[2]!.vaultPath, embed: false, context: '' },
    { target: notes[0]!.vaultPath, embed: false, context: '' },
  );
  notes[2]!.links.push({ target: notes[3]!.vaultPath, embed: false, context: '' });

  it('has one undirected edge per linked pair', async () => {
    const { graphEdges } = await import('../../src/lib/site/graph.ts');
    expect(graphEdges(notes).map((edge) => `${edge.source}–${edge.target}`)).toEqual([
      'G/A.md–G/B.md',
      'G/B.md–G/C.md',
      'G/C.md–G/D.md',
    ]);
  });

  it('finds a note’s neighbourhood two links deep, ring by ring', async () => {
    const { adjacency, graphEdges, localNeighbourhood } = await import('../../src/lib/site/graph.ts');
    const byPath = new Map(notes.map((note) => [note.vaultPath, note]));
    const titles = (rings: { title: string }[][]) => rings.map((ring) => ring.map((note) => note.title));
    expect(titles(localNeighbourhood(notes[0]!, byPath, adjacency(graphEdges(notes))))).toEqual([['A'], ['B'], ['C']]);
    expect(titles(localNeighbourhood(notes[0]!, byPath, adjacency(graphEdges(notes)), 2))).toEqual([['A'], ['B']]);
  });

  it('lays out a neighbourhood as rings: the note in the middle, distance from it in links', async () => {
    const { adjacency, graphEdges, layoutRings, localNeighbourhood } = await import('../../src/lib/site/graph.ts');
    const byPath = new Map(notes.map((note) => [note.vaultPath, note]));
    const adjacent = adjacency(graphEdges(notes));
    const graph = layoutRings(localNeighbourhood(notes[1]!, byPath, adjacent), adjacent, 520);
    const at = new Map(graph.nodes.map((node) => [node.note.title, node]));
    const centre = at.get('B')!;
    const distance = (title: string) => Math.hypot(at.get(title)!.x - centre.x, at.get(title)!.y - centre.y);
    expect([centre.x, centre.y]).toEqual([graph.width / 2, graph.height / 2]);
    expect(distance('A')).toBeCloseTo(distance('C'), 0);
    expect(distance('D')).toBeGreaterThan(distance('C') * 1.5);
    expect(graph.edges.map((edge) => `${edge.source}–${edge.target}`)).toEqual([
      'G/A.md–G/B.md',
      'G/B.md–G/C.md',
      'G/C.md–G/D.md',
    ]);
    expect(layoutRings(localNeighbourhood(notes[1]!, byPath, adjacent), adjacent, 520)).toEqual(graph);
  });

  it('lays out the same graph the same way every time, inside its drawing', async () => {
    const { graphEdges, layoutGraph } = await import('../../src/lib/site/graph.ts');
    const first = layoutGraph(notes, graphEdges(notes), 400);
    expect(layoutGraph(notes, graphEdges(notes), 400)).toEqual(first);
    for (const node of first.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x).toBeLessThanOrEqual(first.width);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeLessThanOrEqual(first.height);
    }
  });
});
