// Deep imports from natural (the package root prints dotenv lines to stdout): the English Porter stemmer
// and the English and Russian stop-word lists used by lint and suggest.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  const list: { words: string[] };
  export default list;
}
declare module 'natural/lib/natural/util/stopwords_ru.js' {
  const list: { words: string[] };
  export default list;
}
