// citeproc-js ships no types; this declares the small part Folio uses.
declare module 'citeproc' {
  interface CslSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface BibliographyParams {
    bibstart: string;
    bibend: string;
    entry_ids: string[][];
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declared for `typeof Engine`
  class Engine {
    constructor(sys: CslSys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [BibliographyParams, string[]] | false;
    makeCitationCluster(items: Array<{ id: string }>): string;
    /** A locale term of the engine's locale (style overrides applied); form 'long' or 'short'. */
    getTerm(
      term: string,
      form: string,
      plural: 0 | 1,
      gender: 0,
      mode: false,
      forceDefault: false,
    ): string | undefined;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
