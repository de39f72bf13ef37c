/** `==highlights==` through remark-flexible-markers, as `<mark class="highlight">`: one setup for both processors. */
import remarkFlexibleMarkers, { type FlexibleMarkerOptions } from 'remark-flexible-markers';

const options: FlexibleMarkerOptions = { markerClassName: () => ['highlight'] };

export const highlightPlugin = [remarkFlexibleMarkers, options] as [typeof remarkFlexibleMarkers, FlexibleMarkerOptions];
