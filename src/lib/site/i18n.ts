/**
 * The site's interface text in every language it speaks, and the rules for choosing one: a page is
 * in its note's `lang` or the site's `lang` (BCP 47); the nearest dictionary is used (`pt-PT` and
 * `pt` → `pt-BR`), a language without one is shown in English, and a key a dictionary lacks falls
 * back to English. English is the reference: every key exists there, checked by the compiler.
 *
 * Messages are plain text with `{name}` placeholders, or plural forms (`{ one, other }`) chosen by
 * Intl.PluralRules, so that client islands can receive them as JSON (see `clientMessages`).
 */
import { fill, plural, type PluralMessage, type Values } from './i18n-format.ts';
import { fail, ok, type Result } from '../util/types.ts';

const en = {
  // The frame of every page
  skipToContent: 'Skip to content',
  siteNav: 'Site',
  navGlossary: 'Glossary',
  navTags: 'Tags',
  navGraph: 'Graph',
  footer: 'Study notes written for students. Facts checked against the sources; every sentence in our own words.',
  breadcrumb: 'Breadcrumb',
  home: 'Home',
  // Search
  search: 'Search',
  searchTheNotes: 'Search the notes',
  close: 'Close',
  searchUnavailable:
    'Search needs a built site: the index is made by {build}. Run {start} to build and serve the site with search.',
  searchPageDescription: 'Search every published note: briefs, timelines and glossary terms.',
  searchNeedsJs:
    'Searching the notes needs JavaScript, which is off or not loaded in this browser. You can browse the courses instead:',
  searchFailed: 'Search needs a built site (npm run build); browse the courses instead:',
  searchFilterAll: 'All',
  searchFilterType: 'Kind',
  searchFilterCourse: 'Course',
  searchFilterTag: 'Tag',
  searchResults: { one: '{count} result for {term}', other: '{count} results for {term}' } as PluralMessage,
  searchSearching: 'Searching for {term}...',
  // Kinds of note
  kindNote: 'Note',
  kindBrief: 'Brief',
  kindQuiz: 'Quiz',
  kindTimeline: 'Timeline',
  kindTerm: 'Glossary term',
  kindCourse: 'Course',
  kindTermShort: 'Term',
  // The filter values of the kind filter in search (as the index stores them)
  typeNote: 'note',
  typeBrief: 'brief',
  typeQuiz: 'quiz',
  typeTimeline: 'timeline',
  typeTerm: 'term',
  typeCourse: 'course',
  groupNotes: 'Notes',
  groupBriefs: 'Briefs',
  groupQuizzes: 'Quizzes',
  groupTimelines: 'Timelines',
  groupGlossary: 'Glossary',
  groupCourses: 'Courses',
  // A note page
  courseContents: 'Course contents',
  updatedOn: 'Updated {date}',
  writtenOn: 'Written {date}',
  minutesRead: '{count} min read',
  tags: 'Tags',
  definition: 'Definition',
  alsoCalled: 'Also called: {names}',
  events: 'Events',
  relatedTerms: 'Related terms',
  linkedFrom: 'Linked from',
  whereTermIsUsed: 'Where this term is used',
  onThisPage: 'On this page',
  inThisCourse: 'In this course',
  previous: 'Previous',
  next: 'Next',
  connections: 'Connections',
  notesWithinTwoLinks: 'Notes within two links of {title}',
  seeWholeGraph: 'See the whole graph',
  connectionsAsList: 'The same connections as a list',
  linksWith: 'links with',
  linkTo: 'Link to “{title}”',
  linkCopied: 'Link copied',
  // Timelines
  otherEvents: 'Other events',
  whyItMatters: 'Why it matters:',
  readMore: 'Read more:',
  circa: 'c. {date}',
  uncertain: '{date}?',
  dateOnwards: '{date} onwards',
  dateUntil: 'until {date}',
  yearBC: '{year} BC',
  // Study tools
  studyTools: 'Study tools',
  glossaryAZ: 'Glossary A–Z',
  courseTimeline: 'Course timeline',
  flashcards: 'Flashcards',
  studySheet: 'Study sheet',
  printableStudySheet: 'Printable study sheet',
  keyTakeaways: 'Key takeaways',
  keyQuotes: 'Key quotes',
  faq: 'Frequently asked questions',
  quiz: 'Quiz',
  showAnswer: 'Show answer',
  checkAnswers: 'Check answers',
  tryAgain: 'Try again',
  quizChoices: 'Choices',
  quizScore: 'You scored {right} out of {total}.',
  letters: 'Letters',
  printSheet: 'Print this sheet',
  keyTerms: 'Key terms',
  timeline: 'Timeline',
  date: 'Date',
  event: 'Event',
  questionsAndAnswers: 'Questions and answers',
  testYourself: 'Test yourself',
  answers: 'Answers',
  studySheetTitle: '{title}: study sheet',
  studySheetDescription: 'A printable summary of {title}.',
  flashcardsTitle: '{course}: flashcards',
  flashcardsDescription: {
    one: '{count} flashcard for {course}: terms and dates.',
    other: '{count} flashcards for {course}: terms and dates.',
  } as PluralMessage,
  flashcardsHelp: 'Click or press Space to turn the card; ← and → move between cards.',
  flashcardPrevious: '← Previous',
  flashcardAgain: 'Again',
  flashcardKnow: 'Know it',
  flashcardNext: 'Next →',
  flashcardShuffle: 'Shuffle',
  flashcardReset: 'Start over',
  flashcardTerm: 'Term',
  flashcardEvent: 'Event',
  flashcardDefinition: 'Definition',
  flashcardDate: 'Date',
  flashcardTurnOver: 'Turn over',
  flashcardProgress: 'Card {n} of {total} · {known} known',
  courseGlossaryTitle: '{course}: glossary',
  courseGlossaryDescription: 'The {count} terms of {course}, A to Z.',
  courseGlossaryLede: {
    one: '{count} term, A to Z. Each links to its page.',
    other: '{count} terms, A to Z. Each links to its page.',
  } as PluralMessage,
  courseTimelineTitle: '{course}: timeline',
  courseTimelineDescription: 'Every dated event of {course} in one chronological list.',
  courseTimelineLede: {
    one: '{events} from {count} timeline, in date order.',
    other: '{events} from {count} timelines, in date order.',
  } as PluralMessage,
  eventCount: { one: '{count} event', other: '{count} events' } as PluralMessage,
  showEra: 'Show era',
  allEras: 'All eras',
  show: 'Show',
  // Site-wide pages
  courses: 'Courses',
  noCourses: 'No course has been published yet.',
  otherNotes: 'Other notes',
  briefCount: { one: '{count} brief', other: '{count} briefs' } as PluralMessage,
  timelineCount: { one: '{count} timeline', other: '{count} timelines' } as PluralMessage,
  termCount: { one: '{count} glossary term', other: '{count} glossary terms' } as PluralMessage,
  glossaryTitle: 'Glossary',
  glossaryDescription: 'Every term of every course, A to Z, with its definition.',
  glossaryLede: {
    one: '{count} term from every course, A to Z.',
    other: '{count} terms from every course, A to Z.',
  } as PluralMessage,
  graphTitle: 'Graph',
  graphDescription: 'How the notes link to each other.',
  graphLede: '{notes} and {links} between them. Each dot is a link to its note.',
  noteCount: { one: '{count} note', other: '{count} notes' } as PluralMessage,
  linkCount: { one: '{count} link', other: '{count} links' } as PluralMessage,
  graphLabel: 'All notes and the links between them',
  tagsTitle: 'Tags',
  tagsDescription: 'Every topic tag of the notes.',
  taggedDescription: 'Notes tagged {tag}.',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no note at this address. It may have moved, or the link may have a typing mistake.',
  goHome: 'Go to the home page',
  orOpenCourse: ' or open a course:',
  retiredTitle: 'This note was retired',
  retiredReason: 'The note that was published here has been withdrawn from the site.',
  retiredCourse: 'Its course is still here: {course}.',
  browseCourses: 'Browse the courses',
  movedTitle: 'Moved: {title}',
  movedText: 'This page has moved to {link}.',
  // The colour theme button
  theme: 'Theme: {theme}',
  themeLabel: 'Colour theme: {theme}. Change it',
  themeSystem: 'system',
  themeLight: 'light',
  themeDark: 'dark',
};

/** Every message of the interface; English has them all. */
export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends PluralMessage ? PluralMessage : string };
export type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
export type PluralKey = { [K in keyof Messages]: Messages[K] extends PluralMessage ? K : never }[keyof Messages];

const ptBR: Messages = {
  skipToContent: 'Pular para o conteúdo',
  siteNav: 'Site',
  navGlossary: 'Glossário',
  navTags: 'Tags',
  navGraph: 'Grafo',
  footer: 'Notas de estudo escritas para estudantes. Fatos conferidos com as fontes; cada frase com nossas próprias palavras.',
  breadcrumb: 'Trilha de navegação',
  home: 'Início',
  search: 'Buscar',
  searchTheNotes: 'Buscar nas notas',
  close: 'Fechar',
  searchUnavailable:
    'A busca precisa do site compilado: o índice é gerado por {build}. Rode {start} para compilar e servir o site com a busca.',
  searchPageDescription: 'Busque em todas as notas publicadas: resumos, linhas do tempo e termos do glossário.',
  searchNeedsJs:
    'A busca nas notas precisa de JavaScript, que está desligado ou não carregou neste navegador. Você pode navegar pelos cursos:',
  searchFailed: 'A busca precisa do site compilado (npm run build); navegue pelos cursos:',
  searchFilterAll: 'Todos',
  searchFilterType: 'Tipo',
  searchFilterCourse: 'Curso',
  searchFilterTag: 'Tag',
  searchResults: { one: '{count} resultado para {term}', other: '{count} resultados para {term}' },
  searchSearching: 'Buscando {term}...',
  kindNote: 'Nota',
  kindBrief: 'Resumo',
  kindQuiz: 'Questionário',
  kindTimeline: 'Linha do tempo',
  kindTerm: 'Termo do glossário',
  kindCourse: 'Curso',
  kindTermShort: 'Termo',
  typeNote: 'nota',
  typeBrief: 'resumo',
  typeQuiz: 'questionário',
  typeTimeline: 'linha do tempo',
  typeTerm: 'termo',
  typeCourse: 'curso',
  groupNotes: 'Notas',
  groupBriefs: 'Resumos',
  groupQuizzes: 'Questionários',
  groupTimelines: 'Linhas do tempo',
  groupGlossary: 'Glossário',
  groupCourses: 'Cursos',
  courseContents: 'Conteúdo do curso',
  updatedOn: 'Atualizado em {date}',
  writtenOn: 'Escrito em {date}',
  minutesRead: '{count} min de leitura',
  tags: 'Tags',
  definition: 'Definição',
  alsoCalled: 'Também chamado de: {names}',
  events: 'Eventos',
  relatedTerms: 'Termos relacionados',
  linkedFrom: 'Citado em',
  whereTermIsUsed: 'Onde este termo aparece',
  onThisPage: 'Nesta página',
  inThisCourse: 'Neste curso',
  previous: 'Anterior',
  next: 'Próxima',
  connections: 'Conexões',
  notesWithinTwoLinks: 'Notas a até dois links de {title}',
  seeWholeGraph: 'Ver o grafo completo',
  connectionsAsList: 'As mesmas conexões em forma de lista',
  linksWith: 'liga-se a',
  linkTo: 'Link para “{title}”',
  linkCopied: 'Link copiado',
  otherEvents: 'Outros eventos',
  whyItMatters: 'Por que importa:',
  readMore: 'Leia mais:',
  circa: 'c. {date}',
  uncertain: '{date}?',
  dateOnwards: 'a partir de {date}',
  dateUntil: 'até {date}',
  yearBC: '{year} a.C.',
  studyTools: 'Ferramentas de estudo',
  glossaryAZ: 'Glossário de A a Z',
  courseTimeline: 'Linha do tempo do curso',
  flashcards: 'Cartões de estudo',
  studySheet: 'Folha de estudo',
  printableStudySheet: 'Folha de estudo para imprimir',
  keyTakeaways: 'Pontos principais',
  keyQuotes: 'Citações importantes',
  faq: 'Perguntas frequentes',
  quiz: 'Questionário',
  showAnswer: 'Mostrar resposta',
  checkAnswers: 'Conferir respostas',
  tryAgain: 'Tentar de novo',
  quizChoices: 'Alternativas',
  quizScore: 'Você acertou {right} de {total}.',
  letters: 'Letras',
  printSheet: 'Imprimir esta folha',
  keyTerms: 'Termos principais',
  timeline: 'Linha do tempo',
  date: 'Data',
  event: 'Evento',
  questionsAndAnswers: 'Perguntas e respostas',
  testYourself: 'Teste seus conhecimentos',
  answers: 'Respostas',
  studySheetTitle: '{title}: folha de estudo',
  studySheetDescription: 'Um resumo para imprimir de {title}.',
  flashcardsTitle: '{course}: cartões de estudo',
  flashcardsDescription: {
    one: '{count} cartão de estudo de {course}: termos e datas.',
    other: '{count} cartões de estudo de {course}: termos e datas.',
  },
  flashcardsHelp: 'Clique ou aperte Espaço para virar o cartão; ← e → passam de um cartão a outro.',
  flashcardPrevious: '← Anterior',
  flashcardAgain: 'De novo',
  flashcardKnow: 'Já sei',
  flashcardNext: 'Próximo →',
  flashcardShuffle: 'Embaralhar',
  flashcardReset: 'Recomeçar',
  flashcardTerm: 'Termo',
  flashcardEvent: 'Evento',
  flashcardDefinition: 'Definição',
  flashcardDate: 'Data',
  flashcardTurnOver: 'Vire o cartão',
  flashcardProgress: 'Cartão {n} de {total} · {known} já sabidos',
  courseGlossaryTitle: '{course}: glossário',
  courseGlossaryDescription: 'Os {count} termos de {course}, de A a Z.',
  courseGlossaryLede: {
    one: '{count} termo, de A a Z. Cada um leva à sua página.',
    other: '{count} termos, de A a Z. Cada um leva à sua página.',
  },
  courseTimelineTitle: '{course}: linha do tempo',
  courseTimelineDescription: 'Todos os eventos datados de {course} em uma só lista cronológica.',
  courseTimelineLede: {
    one: '{events} de {count} linha do tempo, em ordem cronológica.',
    other: '{events} de {count} linhas do tempo, em ordem cronológica.',
  },
  eventCount: { one: '{count} evento', other: '{count} eventos' },
  showEra: 'Mostrar a era',
  allEras: 'Todas as eras',
  show: 'Mostrar',
  courses: 'Cursos',
  noCourses: 'Nenhum curso foi publicado ainda.',
  otherNotes: 'Outras notas',
  briefCount: { one: '{count} resumo', other: '{count} resumos' },
  timelineCount: { one: '{count} linha do tempo', other: '{count} linhas do tempo' },
  termCount: { one: '{count} termo do glossário', other: '{count} termos do glossário' },
  glossaryTitle: 'Glossário',
  glossaryDescription: 'Todos os termos de todos os cursos, de A a Z, com suas definições.',
  glossaryLede: { one: '{count} termo de todos os cursos, de A a Z.', other: '{count} termos de todos os cursos, de A a Z.' },
  graphTitle: 'Grafo',
  graphDescription: 'Como as notas se ligam umas às outras.',
  graphLede: '{notes} e {links} entre elas. Cada ponto é um link para a sua nota.',
  noteCount: { one: '{count} nota', other: '{count} notas' },
  linkCount: { one: '{count} link', other: '{count} links' },
  graphLabel: 'Todas as notas e os links entre elas',
  tagsTitle: 'Tags',
  tagsDescription: 'Todas as tags de assunto das notas.',
  taggedDescription: 'Notas com a tag {tag}.',
  notFoundTitle: 'Página não encontrada',
  notFoundText: 'Não há nenhuma nota neste endereço. Ela pode ter mudado de lugar, ou o link pode ter um erro de digitação.',
  goHome: 'Ir para a página inicial',
  orOpenCourse: ' ou abrir um curso:',
  retiredTitle: 'Esta nota foi retirada',
  retiredReason: 'A nota publicada aqui foi retirada do site.',
  retiredCourse: 'O curso dela continua aqui: {course}.',
  browseCourses: 'Ver os cursos',
  movedTitle: 'Mudou de endereço: {title}',
  movedText: 'Esta página mudou para {link}.',
  theme: 'Tema: {theme}',
  themeLabel: 'Tema de cores: {theme}. Alterar',
  themeSystem: 'sistema',
  themeLight: 'claro',
  themeDark: 'escuro',
};

/**
 * The dictionaries, by the language tag they are written for. A new one may be partial (missing keys
 * show in English); add it here and to the completeness test in tests/unit/i18n.test.ts.
 */
export const DICTIONARIES: Readonly<Record<string, Partial<Messages>>> = { en, 'pt-BR': ptBR };

/** The default language of the site and the one every dictionary falls back to. */
export const DEFAULT_LANG = 'en';

/**
 * A BCP 47 language tag as written by an author or in the site options, canonicalised (`pt-br` →
 * `pt-BR`, `EN` → `en`); an invalid tag is refused with a message saying what to write.
 */
export function canonicalLang(value: unknown): Result<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(`expected a language tag such as "en" or "pt-BR", got ${JSON.stringify(value)}`);
  }
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim());
    if (canonical) return ok(canonical);
  } catch {
    // RangeError: not a well-formed tag; the message below says what is.
  }
  return fail(`"${value}" is not a BCP 47 language tag; write one such as "en", "pt-BR" or "es"`);
}

/**
 * The dictionary for a page's language: the exact tag, then the language without region or script
 * (`pt-PT` → `pt`), then any dictionary of the same language (`pt` → `pt-BR`), else English.
 */
export function dictionaryLang(lang: string): string {
  const tags = Object.keys(DICTIONARIES);
  const lower = lang.toLowerCase();
  const base = lower.split('-')[0];
  return (
    tags.find((tag) => tag.toLowerCase() === lower) ??
    tags.find((tag) => tag.toLowerCase() === base) ??
    tags.find((tag) => tag.toLowerCase().split('-')[0] === base) ??
    DEFAULT_LANG
  );
}

/** A dictionary over English: every key it lacks is the English message. */
export function completeMessages(dictionary: Partial<Messages>): Messages {
  return { ...en, ...dictionary };
}

export interface Translator {
  /** The page's language, as `<html lang>` carries it. */
  lang: string;
  /** The dictionary it speaks (`en`, `pt-BR`). */
  dictionary: string;
  messages: Messages;
  t(key: TextKey, values?: Values): string;
  n(key: PluralKey, count: number, values?: Values): string;
}

const translators = new Map<string, Translator>();

/** The interface text of a page in `lang` (a canonical BCP 47 tag). */
export function translator(lang: string): Translator {
  let found = translators.get(lang);
  if (!found) {
    const dictionary = dictionaryLang(lang);
    const messages = completeMessages(DICTIONARIES[dictionary] ?? {});
    // Plural rules follow the dictionary's language, as its plural forms are written for it.
    found = {
      lang,
      dictionary,
      messages,
      t: (key, values) => fill(messages[key], values),
      n: (key, count, values) => plural(messages[key], count, dictionary, values),
    };
    translators.set(lang, found);
  }
  return found;
}

/** The messages the client islands use, as the page hands them over (JSON in the page). */
export const CLIENT_KEYS = [
  'searchTheNotes',
  'searchFilterAll',
  'searchFilterType',
  'searchFilterCourse',
  'searchFilterTag',
  'searchResults',
  'searchSearching',
  'searchFailed',
  'kindNote',
  'kindBrief',
  'kindQuiz',
  'kindTimeline',
  'kindTermShort',
  'kindCourse',
  'typeNote',
  'typeBrief',
  'typeQuiz',
  'typeTimeline',
  'typeTerm',
  'typeCourse',
  'groupGlossary',
  'linkCopied',
  'quizChoices',
  'quizScore',
  'flashcardTerm',
  'flashcardEvent',
  'flashcardDefinition',
  'flashcardDate',
  'flashcardTurnOver',
  'flashcardProgress',
  'theme',
  'themeLabel',
  'themeSystem',
  'themeLight',
  'themeDark',
] as const satisfies readonly (keyof Messages)[];

export type ClientMessages = Pick<Messages, (typeof CLIENT_KEYS)[number]>;

/** The client islands' messages in the page's language, for a `<script type="application/json">`. */
export function clientMessages(translator: Translator): ClientMessages {
  return Object.fromEntries(CLIENT_KEYS.map((key) => [key, translator.messages[key]])) as ClientMessages;
}
