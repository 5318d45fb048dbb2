/** Recordings (REC) and performers (PER / NPR) of a work. */

export interface Recording {
  readonly isrc: string | null;
  /** First release date, YYYY-MM-DD. */
  readonly releaseDate: string | null;
  /** Duration of the first release, HH:MM:SS. */
  readonly duration: string | null;
  readonly albumTitle: string | null;
  readonly albumLabel: string | null;
  readonly catalogueNumber: string | null;
  readonly ean: string | null;
  readonly recordingTitle: string | null;
  readonly versionTitle: string | null;
  readonly displayArtist: string | null;
  readonly recordLabel: string | null;
  readonly format: string | null;
  readonly technique: string | null;
  readonly mediaType: string | null;
  readonly submitterRecordingId: string | null;
}

export interface Performer {
  readonly name: string;
  readonly firstName: string | null;
  readonly ipiNameNumber: string | null;
  readonly ipiBaseNumber: string | null;
  /** Name in original script (NPR), if sent. */
  readonly originalName: string | null;
  readonly language: string | null;
}
