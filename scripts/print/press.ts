/**
 * The press a preset prints on (config/print-presets.json `press`, a preset's `press` overriding
 * it): PDF/X version, output intent and ICC profile, ink limit. When the desk has given no
 * profile, Ghostscript's own default_cmyk.icc ("Artifex CMYK SWOP Profile", from Debian's
 * libgs-common) is embedded as a stand-in: it is NOT WAN-IFRAnewspaper26v5 (WAN-IFRA gives that
 * profile to its members; it is in no Debian package), and the export says so.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { PrintPresets, Press } from '../../src/schema/print-presets.ts';
import type { OutputIntent } from './ghostscript.ts';

export const STAND_IN_ICC = '/usr/share/color/icc/ghostscript/default_cmyk.icc';

export interface ResolvedPress extends Press {
  intent: OutputIntent;
  /** The profile is Ghostscript's stand-in, not the desk's. */
  standIn: boolean;
}

export function resolvePress(presets: PrintPresets, preset: string, root = process.cwd()): ResolvedPress {
  const press: Press = { ...presets.press, ...presets.presets[preset]?.press };
  const standIn = press.iccProfile === null;
  const iccPath = standIn ? STAND_IN_ICC : isAbsolute(press.iccProfile!) ? press.iccProfile! : resolve(root, press.iccProfile!);
  if (!existsSync(iccPath))
    throw new Error(
      standIn
        ? `${STAND_IN_ICC} (Ghostscript's stand-in CMYK profile) is missing: install ghostscript, or set press.iccProfile in config/print-presets.json to the desk's profile`
        : `config/print-presets.json: press.iccProfile ${press.iccProfile} not found (${iccPath})`,
    );
  const info = standIn
    ? `Stand-in DestOutputProfile: Ghostscript default_cmyk.icc (Artifex CMYK SWOP), not ${press.outputConditionIdentifier}; the desk replaces it (press.iccProfile)`
    : `${press.outputConditionIdentifier}: ${iccPath.split('/').pop()}`;
  return {
    ...press,
    standIn,
    intent: {
      pdfx: press.pdfx,
      outputConditionIdentifier: press.outputConditionIdentifier,
      outputCondition: press.outputCondition,
      registryName: press.registryName,
      iccPath,
      info,
    },
  };
}
