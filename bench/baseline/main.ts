// The benchmark's baseline: the least a Leaflet page can do with the same story. Plain
// markers with popups (name and passages), OpenStreetMap tiles, no validation, no basemap.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import defaultStoryUrl from '../../data/kim-putin-2019.geojson?url';

interface Feature {
  id: string;
  geometry: { type: string; coordinates: [number, number] };
  properties: { name: string; kind?: string; passages?: string[] };
}

const icon = L.icon({ iconUrl, iconRetinaUrl, shadowUrl, iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41] });
const map = L.map('map');
L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
}).addTo(map);

const storyUrl = new URLSearchParams(location.search).get('story') ?? defaultStoryUrl;
const data = (await (await fetch(storyUrl)).json()) as { story: { paragraphs: { id: string; text: string }[] }; features: Feature[] };
const text = new Map(data.story.paragraphs.map((p) => [p.id, p.text]));
const points: L.LatLng[] = [];
for (const feature of data.features) {
  if (feature.geometry.type !== 'Point' || feature.properties.kind) continue;
  const [lng, lat] = feature.geometry.coordinates;
  const popup = document.createElement('div');
  const heading = document.createElement('h2');
  heading.textContent = feature.properties.name;
  popup.append(heading, ...(feature.properties.passages ?? []).map((id) => Object.assign(document.createElement('p'), { textContent: text.get(id) ?? '' })));
  L.marker([lat, lng], { icon, title: feature.properties.name, alt: feature.properties.name }).bindPopup(popup, { maxHeight: 300 }).addTo(map);
  points.push(L.latLng(lat, lng));
}
map.fitBounds(L.latLngBounds(points), { padding: [40, 40] });
document.body.dataset.ready = 'true';
