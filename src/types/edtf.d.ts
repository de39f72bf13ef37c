// The edtf package ships no types; this is the part of its API the garden uses.
declare module 'edtf' {
  interface EdtfValue {
    min: number;
    max: number;
    type: string;
    edtf: string;
  }
  export default function edtf(text: string): EdtfValue;
}
