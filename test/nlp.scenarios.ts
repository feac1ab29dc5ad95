// Named document fixtures for the NLP API tests: clear sentiments, real sentences in three
// languages, a near-duplicate pair, and a generator of many distinct documents.
import type { DocumentInput } from '../client/gql/graphql';

/** Sentences whose sentiment no reader would dispute. */
export const sentences = {
  positive: 'I absolutely love this wonderful phone. The camera is amazing and the battery life is excellent!',
  negative: 'This is the worst purchase I have ever made. The screen broke after a day and support was rude and useless.',
  neutral: 'The package contains one charger and one cable. It was delivered on Tuesday.',
};

/** Ordinary sentences in English, German and French, long enough to tell the languages apart. */
export const languages = {
  en: 'The weather was lovely this morning, so we walked along the river and had breakfast in a small cafe near the old bridge.',
  de: 'Das Wetter war heute Morgen herrlich, also sind wir am Fluss entlang spaziert und haben in einem kleinen Café an der alten Brücke gefrühstückt.',
  fr: 'Le temps était magnifique ce matin, alors nous nous sommes promenés le long de la rivière et avons pris le petit déjeuner dans un petit café près du vieux pont.',
};

/** Product reviews: a mix of sentiments and languages, each with an externalId. */
export const reviews: DocumentInput[] = [
  { externalId: 'r1', text: sentences.positive },
  { externalId: 'r2', text: sentences.negative },
  { externalId: 'r3', text: sentences.neutral },
  { externalId: 'r4', text: 'Great battery, great camera, great price. I am very happy with this phone and would recommend it to everyone.' },
  { externalId: 'r5', text: 'Terrible battery and a horrible camera. I hate this phone and I regret buying it.' },
  { externalId: 'r6', text: languages.de },
  { externalId: 'r7', text: languages.fr },
  { externalId: 'r8', text: 'The battery lasts two days. The phone weighs 180 grams and has a six inch screen.' },
];

const base =
  'The city council met on Monday evening to discuss the new budget for public libraries. After a long debate the members agreed to extend opening hours on weekends, ' +
  'to buy more books for children, and to repair the roof of the central library before the winter. The mayor thanked the librarians for their patience.';

/** A paragraph, the same with two words changed, and texts about other things. */
export const nearDuplicates: DocumentInput[] = [
  { externalId: 'original', text: base },
  { externalId: 'two-words-changed', text: base.replace('Monday', 'Thursday').replace('children', 'teenagers') },
  { externalId: 'other-topic-1', text: 'A storm crossed the northern coast last night, closing several roads and leaving thousands of homes without electricity until the morning.' },
  { externalId: 'other-topic-2', text: 'The football team won its third match in a row after a late goal from the young striker, and the fans celebrated in the streets.' },
  { externalId: 'other-topic-3', text: 'To bake the bread, mix flour, water, salt and yeast, let the dough rest for two hours, then bake it in a hot oven for forty minutes.' },
  { externalId: 'same-words-other-order', text: 'Libraries public for budget new the discuss to evening Monday on met council city the.' },
];

const topics = ['trains', 'gardens', 'museums', 'bicycles', 'rivers', 'markets', 'schools', 'bridges', 'forests', 'harbours'];
const moods = ['wonderful and calm', 'noisy but friendly', 'dirty and disappointing', 'quiet and ordinary'];

/** `n` distinct short documents (no two alike), with externalIds `bulk-0`, `bulk-1`, … */
export function bulkDocuments(n: number): DocumentInput[] {
  return Array.from({ length: n }, (_, i) => ({
    externalId: `bulk-${i}`,
    text: `Report number ${i}: the ${topics[i % topics.length]} of district ${Math.floor(i / topics.length)} were ${moods[i % moods.length]} this week, said visitor ${i * 7919}.`,
  }));
}
