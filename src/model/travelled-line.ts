/**
 * The line a traveller has covered along a polyline, kept between frames: a frame at a later
 * segment appends the vertices passed, a frame in the same segment only moves the head, and a
 * frame behind (the reader dragged the slider back) trims the line. Generic in the point type,
 * so that the map keeps Leaflet's own points and never converts the whole line at each frame.
 */
export interface TravelledLine<P> {
  /** The line up to `head`, a point of segment `segment` (from vertex `segment` to the next). */
  update(segment: number, head: P): readonly P[];
}

export function createTravelledLine<P>(vertices: readonly P[]): TravelledLine<P> {
  const line: P[] = [];
  let drawnSegment = -1;
  return {
    update(segment, head) {
      if (segment !== drawnSegment) {
        if (segment > drawnSegment) {
          if (line.length > 0) line.pop(); // the old head
          for (let i = drawnSegment + 1; i <= segment; i += 1) {
            const vertex = vertices[i];
            if (vertex !== undefined) line.push(vertex);
          }
        } else {
          line.length = segment + 1;
        }
        drawnSegment = segment;
        line.push(head);
      } else {
        line[line.length - 1] = head;
      }
      return line;
    },
  };
}
