// Deterministic typo sets for the matcher's tests and speed measurements: clean "First Last"
// people spread over city blocks, noisy copies with exactly one typo of a known kind, and
// distractors (people absent from the clean set) — all with ground truth and a seeded PRNG.

/** The four single-typo kinds: swap two adjacent letters, delete one, substitute one, type one twice. */
export type TypoKind = 'swap' | 'delete' | 'substitute' | 'duplicate';
export const TYPO_KINDS: readonly TypoKind[] = ['swap', 'delete', 'substitute', 'duplicate'];

/** mulberry32: a small seeded PRNG with uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Common US given names (SSA top lists), mixed lengths from 3 to 11 letters. */
export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Dorothy', 'George', 'Melissa', 'Timothy', 'Deborah',
  'Ronald', 'Stephanie', 'Edward', 'Rebecca', 'Jason', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia',
  'Jacob', 'Kathleen', 'Gary', 'Amy', 'Nicholas', 'Angela', 'Eric', 'Shirley', 'Jonathan', 'Anna',
  'Stephen', 'Brenda', 'Larry', 'Pamela', 'Justin', 'Emma', 'Scott', 'Nicole', 'Brandon', 'Helen',
  'Benjamin', 'Samantha', 'Samuel', 'Katherine', 'Gregory', 'Christine', 'Alexander', 'Debra', 'Frank', 'Rachel',
  'Patrick', 'Carolyn', 'Raymond', 'Janet', 'Jack', 'Catherine', 'Dennis', 'Maria', 'Jerry', 'Heather',
  'Tyler', 'Diane', 'Aaron', 'Ruth', 'Jose', 'Julie', 'Adam', 'Olivia', 'Nathan', 'Joyce',
  'Henry', 'Virginia', 'Douglas', 'Victoria', 'Zachary', 'Kelly', 'Peter', 'Lauren', 'Kyle', 'Christina',
  'Ethan', 'Joan', 'Walter', 'Evelyn', 'Noah', 'Judith', 'Jeremy', 'Megan', 'Christian', 'Andrea',
  'Keith', 'Cheryl', 'Roger', 'Hannah', 'Terry', 'Jacqueline', 'Gerald', 'Martha', 'Harold', 'Gloria',
  'Sean', 'Teresa', 'Austin', 'Ann', 'Carl', 'Sara', 'Arthur', 'Madison', 'Lawrence', 'Frances',
  'Dylan', 'Kathryn', 'Jesse', 'Janice', 'Jordan', 'Jean', 'Bryan', 'Abigail', 'Billy', 'Alice',
  'Joe', 'Judy', 'Bruce', 'Sophia', 'Gabriel', 'Grace', 'Logan', 'Denise', 'Albert', 'Amber',
  'Willie', 'Doris', 'Alan', 'Marilyn', 'Juan', 'Danielle', 'Wayne', 'Beverly', 'Elijah', 'Isabella',
  'Randy', 'Theresa', 'Roy', 'Diana', 'Vincent', 'Natalie', 'Ralph', 'Brittany', 'Eugene', 'Charlotte',
  'Russell', 'Marie', 'Bobby', 'Kayla', 'Mason', 'Alexis', 'Philip', 'Lori', 'Louis', 'Ava',
];

/** Common US surnames (Census 2010 top list), 3 to 10 letters. */
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez',
  'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes',
  'Gonzales', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham',
  'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson',
  'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall', 'Owens',
  'Harrison', 'Fernandez', 'Mcdonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen',
  'Freeman', 'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter',
  'Gordon', 'Mendez', 'Silva', 'Shaw', 'Snyder', 'Mason', 'Dixon', 'Munoz', 'Hunt', 'Hicks',
  'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd', 'Rose', 'Stone', 'Salazar', 'Fox',
  'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson', 'Nichols', 'Stephens',
  'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley', 'Spencer', 'Hawkins',
];

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/**
 * `name` with one typo of `kind` inside one of its words (never across the space, so the typo
 * changes one token). Case follows the letter: a substituted capital stays a capital.
 */
export function applyTypo(name: string, kind: TypoKind, rand: () => number): string {
  // Candidate positions: letters with a letter after them (swap needs distinct neighbours).
  const positions: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === ' ') continue;
    if (kind === 'swap') {
      const d = name[i + 1];
      if (d === undefined || d === ' ' || d.toLowerCase() === c.toLowerCase()) continue;
    }
    positions.push(i);
  }
  if (positions.length === 0) throw new Error(`typos: no position for a ${kind} typo in "${name}"`);
  const i = positions[Math.floor(rand() * positions.length)]!;
  const c = name[i]!;
  switch (kind) {
    case 'swap':
      return name.slice(0, i) + name[i + 1]! + c + name.slice(i + 2);
    case 'delete':
      return name.slice(0, i) + name.slice(i + 1);
    case 'duplicate':
      return name.slice(0, i) + c + name.slice(i);
    case 'substitute': {
      const lower = c.toLowerCase();
      let r = LOWER[Math.floor(rand() * 25)]!;
      if (r >= lower) r = LOWER[LOWER.indexOf(r) + 1]!; // 25 letters other than the original, uniformly
      return name.slice(0, i) + (c === lower ? r : r.toUpperCase()) + name.slice(i + 1);
    }
  }
}

export interface Person {
  id: number;
  name: string;
  city: string;
}

export interface Probe {
  name: string;
  city: string;
  kind: TypoKind | 'distractor';
  /** The clean person this probe is a noisy copy of; null for distractors. */
  truth: number | null;
}

export interface TypoSetOptions {
  /** Clean people (the build side). */
  records: number;
  /** City blocks; people are assigned uniformly at random. */
  cities: number;
  seed?: number;
  /**
   * Noisy probes. 'each' (default): every person once per kind of `kinds`. A number n: n probes,
   * probe j copies person ⌊j·records/n⌋ with kind kinds[j mod kinds.length].
   */
  noisy?: 'each' | number;
  kinds?: readonly TypoKind[];
  /** Probes for people not in the clean set (same cities, names unused in that city). Default 0. */
  distractors?: number;
}

export interface TypoSet {
  clean: Person[];
  probes: Probe[];
  cities: string[];
}

/**
 * Builds a typo set. Names are unique within a city (so ground truth is unambiguous), ids are
 * 0..records−1 in order. A noisy copy may coincide with, or be closer to, another person of its
 * city: that is the real ambiguity of one-letter name differences, and it is kept.
 */
export function makeTypoSet(options: TypoSetOptions): TypoSet {
  const rand = mulberry32(options.seed ?? 1);
  const kinds = options.kinds ?? TYPO_KINDS;
  const cities = Array.from({ length: options.cities }, (_, i) => `City ${String(i + 1).padStart(3, '0')}`);
  const capacity = FIRST_NAMES.length * LAST_NAMES.length;
  const used = cities.map(() => new Set<string>());
  const pickName = (city: number): string => {
    const names = used[city]!;
    if (names.size >= capacity / 2) throw new Error(`typos: city ${cities[city]} is too full for unique names`);
    for (;;) {
      const name = `${FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]!} ${LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)]!}`;
      if (!names.has(name)) return name;
    }
  };
  const clean: Person[] = [];
  for (let id = 0; id < options.records; id++) {
    const c = Math.floor(rand() * cities.length);
    const name = pickName(c);
    used[c]!.add(name);
    clean.push({ id, name, city: cities[c]! });
  }
  const probes: Probe[] = [];
  const noisy = options.noisy ?? 'each';
  if (noisy === 'each') {
    for (const p of clean) for (const kind of kinds) probes.push({ name: applyTypo(p.name, kind, rand), city: p.city, kind, truth: p.id });
  } else {
    for (let j = 0; j < noisy; j++) {
      const p = clean[Math.floor((j * clean.length) / noisy)]!;
      const kind = kinds[j % kinds.length]!;
      probes.push({ name: applyTypo(p.name, kind, rand), city: p.city, kind, truth: p.id });
    }
  }
  for (let j = 0; j < (options.distractors ?? 0); j++) {
    const c = Math.floor(rand() * cities.length);
    probes.push({ name: pickName(c), city: cities[c]!, kind: 'distractor', truth: null });
  }
  return { clean, probes, cities };
}
