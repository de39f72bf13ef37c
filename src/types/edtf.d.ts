// The edtf package ships no types; this is the part of its API the garden uses.
declare module 'edtf' {
  interface EdtfValue {
    min: number;
    max: number;
    type: string;
    edtf: string;
  }
  /** An EDTF string, parsed; or a parse result's parts (`values`: year, month from 0, day), not parsed again. */
  export default function edtf(input: string | { type: 'Date'; values: number[] }): EdtfValue;
}
