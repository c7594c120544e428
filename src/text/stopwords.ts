/** Function words that carry no topic: kept out of the index and out of queries. */
export const STOPWORDS = new Set(
  `a an the and or but nor so yet of to in on at by for from with about as into onto upon over under
  is are was were be been being am do does did doing done have has had having will would shall should
  can could may might must it its it's this that these those there here what which who whom whose
  when where why how i me my we us our you your he him his she her they them their
  not no than then too very also just only even such some any all each both either neither
  if while because though although whether up down out off again further once
  s t`.split(/\s+/).filter(Boolean),
);

/** Question words and fillers dropped from a free question before searching. */
export const QUESTION_FILLERS = new Set(
  `tell show give find me please about say said know any anything something everything`.split(/\s+/),
);
